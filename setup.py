"""Packages: everything under desktop_app/, plus the top-level resources/ folder installed as
desktop_app.resources (pyproject.toml cannot map a folder outside the package tree while also
finding packages automatically)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop_app*"]), "desktop_app.resources",
              "desktop_app.resources.icons", "desktop_app.resources.translations"],
    package_dir={"desktop_app.resources": "resources"},
    package_data={"desktop_app.resources": ["*.desktop", "*.xml"],
                  "desktop_app.resources.icons": ["*.svg"],
                  "desktop_app.resources.translations": ["*.qm"]},
)

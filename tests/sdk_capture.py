"""What the SDK would send for a call, captured instead of sent: the reference the lanes'
own signers are compared with, header for header."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


class _Sent(Exception):
    pass


def sdk_request(client: Any, call: Callable[[], object],
                monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, dict[str, str]]:
    """The method, URL and headers `call()` makes the SDK `client` send (User-Agent left out:
    the lanes send their own)."""
    seen: dict[str, Any] = {}

    class Http:
        def urlopen(self, method: str, url: str, body: object = None, headers: Any = None,
                    preload_content: bool = True) -> None:
            seen.update(method=method, url=url, headers=dict(headers))
            raise _Sent

    monkeypatch.setattr(client, "_http", Http())
    with pytest.raises(_Sent):
        call()
    headers = seen["headers"]
    headers.pop("User-Agent", None)
    return seen["method"], seen["url"], headers

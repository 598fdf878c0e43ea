"""Upload links and the share history against the real SeaweedFS server, used by curl the way
a receiver would: a presigned PUT with a fixed content type, a POST policy inside and outside
each limit, after its expiry, and "copy again" signing for the time left."""

from __future__ import annotations

import base64
import json
import shlex
import subprocess
import time
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop_app.core.errors import ConfigError
from desktop_app.core.share_history import LinkKind, ShareHistory, countdown, new_link
from desktop_app.core.share_links import (
    PostLimits,
    curl_post,
    curl_put,
    html_form,
    temporary_note,
    upload_expiry_problem,
)
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.share_signing import sign_again


def _run(command: str, cwd: Path) -> tuple[int, str]:
    done = subprocess.run(shlex.split(command), cwd=cwd, capture_output=True, text=True,
                          timeout=30, check=False)
    return done.returncode, done.stdout + done.stderr


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "note.txt").write_text("hello from curl\n")
    (tmp_path / "big.txt").write_text("x" * 5000)
    return tmp_path


def test_presigned_put_uploads_with_its_content_type_only(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    url = storage.presign_upload(bucket, "in/report.txt", "text/plain; charset=utf-8",
                                 timedelta(minutes=5), _now())
    code, out = _run(curl_put(url, "image/png", "note.txt"), files)
    assert code != 0
    assert "SignatureDoesNotMatch" in out
    code, out = _run(f"curl -sS --fail-with-body --upload-file note.txt '{url}'", files)
    assert code != 0
    assert "SignatureDoesNotMatch" in out
    code, out = _run(curl_put(url, "text/plain; charset=utf-8", "note.txt"), files)
    assert code == 0, out
    stat = storage.stat(bucket, "in/report.txt")
    assert stat.content_type == "text/plain; charset=utf-8"
    assert stat.size == 16
    # The key is fixed too: the same signature for another key is refused.
    code, out = _run(curl_put(url.replace("report.txt", "other.txt"),
                              "text/plain; charset=utf-8", "note.txt"), files)
    assert code != 0
    assert "SignatureDoesNotMatch" in out


def test_presigned_put_refused_after_its_expiry(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    url = storage.presign_upload(bucket, "late.txt", "text/plain", timedelta(seconds=1), _now())
    time.sleep(2.2)
    code, out = _run(curl_put(url, "text/plain", "note.txt"), files)
    assert code != 0, out
    assert "AccessDenied" in out, out


def test_post_policy_upload_inside_the_limits(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    limits = PostLimits("drop/", "text/", 1, 1000)
    form = storage.presign_post(bucket, limits, _now() + timedelta(minutes=5))
    code, out = _run(curl_post(form, limits, "text/plain", "note.txt"), files)
    assert code == 0, out
    stat = storage.stat(bucket, "drop/note.txt")  # ${filename} became the file's own name
    assert stat.content_type == "text/plain"
    assert stat.size == 16


@pytest.mark.parametrize("case", ["too big", "too small", "wrong prefix", "wrong type"])
def test_post_policy_upload_outside_the_limits_refused(
        storage: MinioStorage, bucket: str, files: Path, case: str) -> None:
    limits = PostLimits("drop/", "text/", 10, 1000)
    form = storage.presign_post(bucket, limits, _now() + timedelta(minutes=5))
    name, content_type, sent = "note.txt", "text/plain", limits
    if case == "too big":
        name = "big.txt"
    elif case == "too small":
        (files / "tiny.txt").write_text("x")
        name = "tiny.txt"
    elif case == "wrong prefix":
        sent = PostLimits("elsewhere/", "text/", 10, 1000)
    else:
        content_type = "application/x-sh"
    code, out = _run(curl_post(form, sent, content_type, name), files)
    assert code != 0, out
    expected = {"too big": "EntityTooLarge", "too small": "EntityTooSmall"}.get(
        case, "Policy Condition failed")
    assert expected in out, out
    page = storage.list_page(bucket, "")
    assert page.objects == ()
    assert page.folders == ()


def test_post_policy_refused_after_its_expiry(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    limits = PostLimits("drop/", "", 0, None)
    form = storage.presign_post(bucket, limits, _now() + timedelta(seconds=2))
    time.sleep(3.2)
    code, out = _run(curl_post(form, limits, "text/plain", "note.txt"), files)
    assert code != 0, out
    assert "expired" in out.lower(), out


def test_expiry_beyond_seven_days_refused_with_the_reason(
        storage: MinioStorage, bucket: str) -> None:
    with pytest.raises(ConfigError, match="at most 7 days"):
        storage.presign_upload(bucket, "k", "text/plain", timedelta(days=7, seconds=1), _now())
    with pytest.raises(ConfigError, match="at most 7 days"):
        storage.presign_post(bucket, PostLimits("p/"), _now() + timedelta(days=8))
    problem = upload_expiry_problem(timedelta(days=8), False, None, _now())
    assert problem
    assert "7 days" in problem
    ends = _now() + timedelta(hours=1)
    problem = upload_expiry_problem(timedelta(hours=2), True, ends, _now())
    assert problem
    assert "temporary credentials" in problem
    assert upload_expiry_problem(timedelta(minutes=30), True, ends, _now()) is None
    # Profiles keep a session token but not when it ends: said, not checked.
    assert upload_expiry_problem(timedelta(days=7), True, None, _now()) is None
    note = temporary_note(True, None)
    assert note is not None
    assert "does not know when they end" in note
    assert temporary_note(False, None) is None


def test_history_keeps_no_signature_and_copy_again_signs_for_the_time_left(
        storage: MinioStorage, bucket: str, files: Path, tmp_path: Path) -> None:
    storage.put_stream(bucket, "shared.txt", (files / "note.txt").open("rb"), 16)
    path = tmp_path / "data" / "share_history.json"
    created = _now() - timedelta(hours=1)
    history = ShareHistory(path)
    get = new_link("conn1", bucket, "shared.txt", LinkKind.GET, created,
                   created + timedelta(hours=3), note="for Alice")
    put = new_link("conn1", bucket, "in/a.txt", LinkKind.PUT, created,
                   created + timedelta(hours=3), content_type="text/plain")
    post = new_link("conn1", bucket, "drop/", LinkKind.POST, created,
                    created + timedelta(hours=3), content_type="text/", max_size=100)
    for link in (get, put, post):
        history.add(link)
    now = _now()
    url, _ = sign_again(storage, get, now)
    _, form = sign_again(storage, post, now)
    assert form is not None
    text = path.read_text()
    assert "X-Amz-Signature" not in text
    assert "Signature" not in text
    assert "x-amz-signature" not in text
    assert storage.settings.secret_key not in text
    assert dict(form.fields)["x-amz-signature"] not in text
    assert url.split("=")[-1] not in text
    again = ShareHistory(path).links()
    assert [link.id for link in again] == [post.id, put.id, get.id]
    assert again[2] == get
    assert again[2].note == "for Alice"
    assert again[0].max_size == 100
    # Signed anew for the two hours left, never the original three.
    assert "X-Amz-Expires=7200" in url
    code, out = _run(f"curl -sS --fail-with-body '{url}'", files)
    assert code == 0
    assert out == "hello from curl\n"
    policy = json.loads(base64.b64decode(dict(form.fields)["policy"]))
    assert datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00")) <= get.expires
    code, out = _run(curl_post(form, post.post_limits(), "text/plain", "note.txt"), files)
    assert code == 0, out
    put_url, _ = sign_again(storage, put, now)
    assert "X-Amz-Expires=7200" in put_url


def test_expired_entries_are_shown_expired_and_not_signed_again(
        storage: MinioStorage, bucket: str, tmp_path: Path) -> None:
    history = ShareHistory(tmp_path / "h.json")
    old = new_link("c", bucket, "k", LinkKind.GET, _now() - timedelta(days=2),
                   _now() - timedelta(days=1))
    history.add(old)
    assert countdown(old, _now()) == "expired"
    with pytest.raises(ConfigError, match="expired"):
        sign_again(storage, old)
    assert history.remove_expired(_now()) == 1
    assert ShareHistory(tmp_path / "h.json").links() == []
    live = new_link("c", bucket, "k", LinkKind.GET, _now(), _now() + timedelta(days=1,
                                                                             seconds=65))
    assert countdown(live, _now()) in {"1 d 00:01:05", "1 d 00:01:04"}


def test_html_form_holds_the_fields_in_order_with_the_file_last(
        storage: MinioStorage, bucket: str) -> None:
    limits = PostLimits("drop/", "image/", 0, 10)
    form = storage.presign_post(bucket, limits, _now() + timedelta(minutes=5))
    page = html_form(form, limits, "image/TYPE", "Upload to drop/")
    names = [part.split('"')[0] for part in page.split('name="')[1:]]
    assert names[:2] == ["key", "Content-Type"]
    assert names[-1] == "file"
    assert 'value="drop/${filename}"' in page
    assert 'type="text" name="Content-Type"' in page


def test_presigned_put_of_a_key_with_spaces_and_accents(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    key = "in/rapport d'été (v2)+final.txt"
    url = storage.presign_upload(bucket, key, "text/plain", timedelta(minutes=5), _now())
    code, out = _run(curl_put(url, "text/plain", "note.txt"), files)
    assert code == 0, out
    assert storage.stat(bucket, key).size == 16


class _Fields(HTMLParser):
    """The named inputs of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[tuple[str, str, str]] = []
        self.action = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.action = values["action"]
        if tag == "input" and "name" in values:
            self.inputs.append((values["type"], values["name"], values.get("value", "")))


def test_the_saved_html_form_uploads_as_a_browser_would(
        storage: MinioStorage, bucket: str, files: Path) -> None:
    limits = PostLimits("guests/", "text/", 0, 1000)
    form = storage.presign_post(bucket, limits, _now() + timedelta(minutes=5))
    page = _Fields()
    page.feed(html_form(form, limits, "text/TYPE", "Upload"))
    assert page.inputs[-1][:2] == ("file", "file")
    command = ["curl", "-sS", "--fail-with-body"]
    for kind, name, value in page.inputs:  # what a browser sends: the fields in page order
        if kind == "file":
            command += ["-F", f"{name}=@note.txt"]
        elif name == "Content-Type":
            command += ["-F", f"{name}=text/plain"]  # the visible field, filled in
        else:
            command += ["-F", f"{name}={value}"]
    code, out = _run(shlex.join([*command, page.action]), files)
    assert code == 0, out
    assert storage.stat(bucket, "guests/note.txt").content_type == "text/plain"

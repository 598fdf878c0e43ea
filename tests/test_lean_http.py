"""The small-file lanes' HTTP client against a scripted server: what it keeps (whole answers
on kept-alive connections) and what it gives up on (anything else, as None)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from desktop_app.storage.lean_http import Answer, LeanPool

Script = Callable[[socket.socket, int], None]  # (connection, its number from 0)


class ScriptedServer:
    """Runs `script` on each accepted connection, in a thread of its own."""

    def __init__(self, script: Script) -> None:
        self._script = script
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self.requests: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            number, self.connections = self.connections, self.connections + 1
            threading.Thread(target=self._run, args=(conn, number), daemon=True).start()

    def _run(self, conn: socket.socket, number: int) -> None:
        with conn, contextlib.suppress(OSError):
            self._script(conn, number)

    def read_request(self, conn: socket.socket) -> bytes:
        """The request's head and its Content-Length body; b"" once the client is gone."""
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return b""
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(body) < length:
            body += conn.recv(65536)
        self.requests.append(head)
        return head

    def url(self, path: str = "/bkt/key?X-Amz-Signature=abc") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self._listener.close()


def ok(body: bytes, extra: str = "") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nETag: \"e1\"\r\n{extra}\r\n"
            .encode() + body)


def run(*calls: tuple[str, str, dict[str, str], bytes | None], limit: int = 4,
        read_timeout: float = 5.0, max_body: int = 1 << 20) -> list[Answer | None]:
    """The answers to `calls`, one after another on one pool."""

    async def go() -> list[Answer | None]:
        pool = LeanPool(limit, None, 2.0, read_timeout)
        try:
            return [await pool.request(method, url, headers, body, max_body)
                    for method, url, headers, body in calls]
        finally:
            await pool.close()

    return asyncio.run(go())


@pytest.fixture
def serve() -> Iterator[Callable[..., ScriptedServer]]:
    """Start scripted servers (`script(server, connection, number)`); closed after the test."""
    servers: list[ScriptedServer] = []

    def start(script: Callable[[ScriptedServer, socket.socket, int], None]) -> ScriptedServer:
        holder: list[ScriptedServer] = []
        server = ScriptedServer(lambda conn, n: script(holder[0], conn, n))
        holder.append(server)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_answers_come_whole_on_one_kept_alive_connection(serve: Callable[..., ScriptedServer]
                                                         ) -> None:
    def script(server: ScriptedServer, conn: socket.socket, _n: int) -> None:
        while server.read_request(conn):
            conn.sendall(ok(b"x" * 70_000, "X-Amz-Meta-Sha256: ABC\r\n"))

    server = serve(script)
    answers = run(*[("GET", server.url(), {"If-Match": '"e1"'}, None)] * 3)
    assert [(a.status, a.body) for a in answers if a] == [(200, b"x" * 70_000)] * 3
    assert answers[0] is not None
    assert answers[0].headers["x-amz-meta-sha256"] == "ABC"
    assert server.connections == 1
    first = server.requests[0].split(b"\r\n")
    assert first[0] == b"GET /bkt/key?X-Amz-Signature=abc HTTP/1.1"
    assert f"Host: 127.0.0.1:{server.port}".encode() in first
    assert b'If-Match: "e1"' in first


def test_a_put_sends_its_body_with_one_length_and_one_host(
        serve: Callable[..., ScriptedServer]) -> None:
    bodies: list[bytes] = []

    def script(server: ScriptedServer, conn: socket.socket, _n: int) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        while len(body) < 5:
            body += conn.recv(65536)
        server.requests.append(head)
        bodies.append(body)
        conn.sendall(ok(b""))

    server = serve(script)
    signed = {"Host": f"127.0.0.1:{server.port}", "Content-Length": "5", "X-Amz-Date": "d"}
    [answer] = run(("PUT", server.url("/bkt/k"), signed, b"hello"))
    assert answer is not None
    assert answer.status == 200
    lines = server.requests[0].lower().split(b"\r\n")
    assert [line for line in lines if line.startswith(b"host:")] == [
        f"host: 127.0.0.1:{server.port}".encode()]
    assert [line for line in lines if line.startswith(b"content-length:")] == [
        b"content-length: 5"]
    assert bodies == [b"hello"]


def test_an_error_answer_in_chunks_is_read_whole(serve: Callable[..., ScriptedServer]) -> None:
    def script(server: ScriptedServer, conn: socket.socket, _n: int) -> None:
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"6\r\n<Error\r\n2\r\n/>\r\n0\r\n\r\n")

    server = serve(script)
    [answer] = run(("PUT", server.url(), {}, b"body"))
    assert answer is not None
    assert (answer.status, answer.body) == (403, b"<Error/>")


@pytest.mark.parametrize("answer", [
    ok(b"x" * 101),  # longer than the caller takes
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n" + b"x" * 101 + b"\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n" + b"x" * 20,  # cut short, then closed
    b"SSH-2.0-OpenSSH_9.6\r\n\r\n",  # not HTTP at all
    b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
    # Headers that would take memory without end (cut off at 64 KiB, whatever follows):
    b"HTTP/1.1 200 OK\r\nX-Pad: " + b"a" * 200_000 + b"\r\nContent-Length: 4\r\n\r\nabcd",
])
def test_anything_out_of_the_ordinary_is_no_answer(serve: Callable[..., ScriptedServer],
                                                   answer: bytes) -> None:
    def script(server: ScriptedServer, conn: socket.socket, n: int) -> None:
        server.read_request(conn)
        conn.sendall(answer if n == 0 else ok(b"fine"))
        if n:
            server.read_request(conn)

    server = serve(script)
    first, second = run(*[("GET", server.url(), {}, None)] * 2, max_body=100)
    assert first is None
    assert second is not None
    assert second.body == b"fine"
    assert server.connections == 2  # the broken connection was not used again


def test_a_stalled_answer_is_given_up_after_the_read_timeout(
        serve: Callable[..., ScriptedServer]) -> None:
    release = threading.Event()

    def script(server: ScriptedServer, conn: socket.socket, _n: int) -> None:
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
        release.wait(10)

    server = serve(script)
    loop_time: list[float] = []

    async def timed() -> Answer | None:
        pool = LeanPool(2, None, 2.0, 0.3)
        start = asyncio.get_running_loop().time()
        try:
            return await pool.request("GET", server.url(), {}, None, 100)
        finally:
            loop_time.append(asyncio.get_running_loop().time() - start)
            await pool.close()

    try:
        assert asyncio.run(timed()) is None
    finally:
        release.set()
    assert 0.3 <= loop_time[0] < 3


def test_a_get_on_a_connection_the_server_closed_meanwhile_is_sent_again(
        serve: Callable[..., ScriptedServer]) -> None:
    def script(server: ScriptedServer, conn: socket.socket, n: int) -> None:
        server.read_request(conn)
        conn.sendall(ok(b"one" if n == 0 else b"two"))
        if n == 0:
            server.read_request(conn)  # the next request arrives, and the server hangs up

    server = serve(script)
    answers = run(*[("GET", server.url(), {}, None)] * 2)
    assert [a.body for a in answers if a] == [b"one", b"two"]
    assert server.connections == 2


def test_a_put_on_such_a_connection_is_not_sent_again(
        serve: Callable[..., ScriptedServer]) -> None:
    def script(server: ScriptedServer, conn: socket.socket, n: int) -> None:
        server.read_request(conn)
        conn.sendall(ok(b""))
        server.read_request(conn)

    server = serve(script)
    first, second = run(*[("PUT", server.url(), {}, b"data")] * 2)
    assert first is not None
    assert first.status == 200
    assert second is None  # the lane hands the file to the threaded path instead
    assert server.connections == 1


def test_connection_close_is_honoured(serve: Callable[..., ScriptedServer]) -> None:
    def script(server: ScriptedServer, conn: socket.socket, _n: int) -> None:
        while server.read_request(conn):
            conn.sendall(ok(b"a", "Connection: close\r\n"))

    server = serve(script)
    answers = run(*[("GET", server.url(), {}, None)] * 2)
    assert [a.body for a in answers if a] == [b"a", b"a"]
    assert server.connections == 2


@pytest.mark.parametrize(("headers", "url_path"), [
    ({"If-Match": '"e1"\r\nX-Evil: 1'}, "/bkt/key"),
    ({"X-Amz-Meta-Name": "caf\u00e9 \u2603"}, "/bkt/key"),  # beyond Latin-1
    ({}, "/bkt/a key"),
])
def test_a_request_that_could_be_bent_is_never_sent(serve: Callable[..., ScriptedServer],
                                                    headers: dict[str, str],
                                                    url_path: str) -> None:
    server = serve(lambda s, conn, n: s.read_request(conn))
    assert run(("GET", server.url(url_path), headers, None)) == [None]
    assert server.connections == 0


def test_no_server_is_no_answer() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert run(("GET", f"http://127.0.0.1:{port}/b/k", {}, None)) == [None]
    assert run(("GET", f"https://127.0.0.1:{port}/b/k", {}, None)) == [None]  # not this pool's

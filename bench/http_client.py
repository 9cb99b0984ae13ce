"""A small asyncio HTTP/1.1 keep-alive client for the benchmarks.

Light on purpose: the benchmarks run the clients on the same cores as the server, and a
client that spends milliseconds per request (urllib in threads, say) measures itself as much
as the server. It speaks plain HTTP/1.1 over TCP, keeps its connection open like a browser,
keeps the cookies it is given and never follows redirects.
"""

import asyncio
import re
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

try:
    import uvloop
except ImportError:  # the benchmarks also run on the standard event loop
    uvloop = None


def run(coroutine):
    """Run the benchmark's coroutine on uvloop when it is installed (as the server does)."""
    return uvloop.run(coroutine) if uvloop else asyncio.run(coroutine)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    milliseconds: float

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass
class Connection:
    host: str
    port: int
    extra_headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None

    async def open(self) -> "Connection":
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        headers: dict | None = None,
        body: bytes = b"",
    ) -> Response:
        """`form`: an urlencoded form; or `body`, sent as it is (its Content-Type in `headers`)."""
        if self.writer is None:
            await self.open()
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        all_headers = {**self.extra_headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        if form is not None or body:
            all_headers["Content-Length"] = str(len(body))
        lines += [f"{name}: {value}" for name, value in all_headers.items()]
        started = time.monotonic()
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        return await self._read_response(started)

    async def _read_response(self, started: float) -> Response:
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in filter(None, header_lines):
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                self.cookies[cookie_name] = cookie_value
            headers[name] = value
        if headers.get("transfer-encoding") == "chunked":
            body = await self._read_chunks()
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", 0)))
        return Response(status, headers, body, (time.monotonic() - started) * 1000)

    async def _read_chunks(self) -> bytes:
        chunks = []
        while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)
        await self.reader.readuntil(b"\r\n")
        return b"".join(chunks)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def multipart(fields: dict[str, str], files: dict[str, tuple[str, str, bytes]]) -> tuple:
    """(body, Content-Type) of a multipart/form-data form: `files` maps a field to its
    (file name, content type, bytes)."""
    boundary = "bench" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, (filename, content_type, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"

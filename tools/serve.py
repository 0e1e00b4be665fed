"""Serve a built site the way GitHub Pages does: under a sub-path, gzipped.

`python -m http.server` sends text uncompressed and knows nothing of a
project site's /REPO/ prefix, so page weights and Lighthouse scores measured
against it are not what readers get. This server:

- serves DIRECTORY under PREFIX (default /python-web-guide/); / redirects there;
- gzips text (HTML, CSS, JS, JSON, SVG, XML) when the client accepts it;
- sends the site's 404.html with status 404 for anything missing;
- logs nothing unless asked.

Used by the browser tests and tools/bench.py (import `start` or `serve`), and
from the command line:

    .venv/bin/python tools/serve.py site/ --port 8001
"""

from __future__ import annotations

import argparse
import functools
import gzip
import mimetypes
import posixpath
import sys
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEFAULT_PREFIX = "/python-web-guide/"

# Extensions the standard library guesses wrongly or not at all on some systems.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gz": "application/gzip",
}
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
    "application/javascript",
)


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def compressible(ctype: str) -> bool:
    return ctype.startswith(COMPRESSIBLE)


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    # mtime and size are part of the key so a rebuilt file is compressed again.
    # mtime=0 keeps the output byte-stable, like a CDN's.
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def gzipped(path: Path) -> bytes:
    stat = path.stat()
    return _gzipped(str(path), stat.st_mtime_ns, stat.st_size)


def accepts_gzip(header: str | None) -> bool:
    for part in (header or "").split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "*"):
            q = params.strip()
            return not (q.startswith("q=") and float(q[2:] or 0) == 0)
    return False


class SiteHandler(BaseHTTPRequestHandler):
    """Static files from `root`, reachable under `prefix`; see the module docstring."""

    root: Path
    prefix: str = DEFAULT_PREFIX
    verbose: bool = False
    server_version = "python-web-guide-serve"
    sys_version = ""

    def log_message(self, format: str, *args) -> None:  # `format`: the base class's name
        if self.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:  # http.server's naming
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def resolve(self, url_path: str) -> tuple[Path | None, str | None]:
        """(file to send, None) or (None, address to redirect to) or (None, None) for 404."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
        if path == self.prefix.rstrip("/"):
            return None, self.prefix
        if path == "/" and self.prefix != "/":
            return None, self.prefix
        if not path.startswith(self.prefix):
            return None, None
        rel = posixpath.normpath(path[len(self.prefix) :]).lstrip("/")
        if rel in (".", ""):
            rel = ""
        if rel.startswith(".."):
            return None, None
        target = (self.root / rel).resolve()
        if self.root not in (target, *target.parents):
            return None, None
        if target.is_dir():
            if not path.endswith("/"):
                return None, path + "/"
            target = target / "index.html"
        return (target, None) if target.is_file() else (None, None)

    def _respond(self, body: bool) -> None:
        target, location = self.resolve(self.path)
        if location is not None:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if target is None:
            status = HTTPStatus.NOT_FOUND
            target = self.root / "404.html"
            if not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
        ctype = content_type(target)
        use_gzip = compressible(ctype) and accepts_gzip(self.headers.get("Accept-Encoding"))
        data = gzipped(target) if use_gzip else target.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        # What GitHub Pages sends: ten minutes of caching.
        self.send_header("Cache-Control", "max-age=600")
        if compressible(ctype):
            self.send_header("Vary", "Accept-Encoding")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went elsewhere (instant navigation cancels fetches)


class SiteServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer whose handler is a SiteHandler (it knows the prefix)."""

    RequestHandlerClass: type[SiteHandler]


def normalise_prefix(prefix: str) -> str:
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


def serve(
    directory: str | Path, prefix: str = DEFAULT_PREFIX, host: str = "127.0.0.1", port: int = 0, verbose: bool = False
) -> SiteServer:
    """A bound, not yet running server for `directory`; port 0 picks a free port."""
    root = Path(directory).resolve()
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"{root} has no index.html: build the site first")
    handler = type("Handler", (SiteHandler,), {"root": root, "prefix": normalise_prefix(prefix), "verbose": verbose})
    server = SiteServer((host, port), handler)
    server.daemon_threads = True
    return server


def base_url(server: SiteServer) -> str:
    host, port = server.server_address[:2]
    if isinstance(host, bytes | bytearray):  # typeshed allows bytes; a bound socket gives str
        host = host.decode()
    return f"http://{host}:{port}{server.RequestHandlerClass.prefix}"


def start(
    directory: str | Path, prefix: str = DEFAULT_PREFIX, host: str = "127.0.0.1", port: int = 0, verbose: bool = False
) -> tuple[SiteServer, str]:
    """Serve in a daemon thread; returns the server (call .shutdown()) and the site's URL."""
    server = serve(directory, prefix, host, port, verbose)
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    return server, base_url(server)


def stop(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default="site", help="the built site (default: site)")
    parser.add_argument("--prefix", default=DEFAULT_PREFIX, help=f"URL sub-path (default: {DEFAULT_PREFIX})")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="0 picks a free port (default: 8001)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    try:
        server = serve(args.directory, args.prefix, args.host, args.port, args.verbose)
    except (FileNotFoundError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Serving {Path(args.directory).resolve()} at {base_url(server)} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

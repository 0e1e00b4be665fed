"""Start a server as a reader would, wait until it answers, stop it: one way for every tool and test.

A server runs in its own process group (``start_new_session``), so stopping it
stops what it started too (gunicorn's workers, a reloader's child). Every wait
is bounded. Standard library only: ``make screenshots`` and the example tests
both use it (tests/examples/serving.py wraps it for pytest).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


class NoAnswer(RuntimeError):
    """The server exited, or did not answer in time; the message ends with what it printed."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(proc: subprocess.Popen) -> str:
    """Stop ``proc``'s process group (SIGTERM, then SIGKILL after 15 s); return what it printed."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        return proc.communicate(timeout=15)[0] or ""
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.communicate(timeout=5)[0] or ""


@contextlib.contextmanager
def serving(
    command: list[str],
    url: str,
    env: dict[str, str],
    cwd: Path,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Iterator[tuple[int, dict[str, str], str]]:
    """Run ``command`` in ``cwd`` and yield (status, headers, body) of the first answer from ``url``
    (an error status is an answer: 401 and 302 say the server is up); stop it when the block ends."""
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            request = urllib.request.Request(url, headers=headers or {})
            try:
                with urllib.request.urlopen(request, timeout=5) as resp:
                    answer = (resp.status, dict(resp.headers), resp.read().decode())
                break
            except urllib.error.HTTPError as err:
                answer = (err.code, dict(err.headers), err.read().decode())
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise NoAnswer(f"{' '.join(command)} did not serve {url}:\n{stop(proc)}") from None
                time.sleep(0.3)
        yield answer
    finally:
        stop(proc)

"""Start a server the way a page tells the reader to, wait for it to answer, stop it.

Used by the tests of the cookbook pages whose "Run it" section starts a server
(security, async_views, deployment). Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.examples.conftest import EXAMPLES

# A server the tests start may open the project's SQLite database; point it at
# a scratch file so no test leaves examples/db.sqlite3 behind.
SCRATCH_DB = Path(tempfile.mkdtemp(prefix="examples-db-")) / "db.sqlite3"


def reader_env(**extra: str) -> dict[str, str]:
    """The reader's shell: the venv's tools first on PATH, no settings module chosen for them."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.setdefault("DJANGO_DB", str(SCRATCH_DB))
    env.update(extra)
    return env


def as_typed(command: list[str], port: int) -> list[str]:
    """The page's command with port 8000 swapped for ``port`` and `python` for this interpreter.

    Leading ``NAME=value`` words (``DJANGO_DEBUG=1 python manage.py ...``) are
    passed through ``env``, as the reader's shell would set them for that one command.
    """
    if "#" in command:  # a trailing comment, split as words by shlex.split(line)
        command = command[: command.index("#")]
    swapped = [arg.replace("8000", str(port)) for arg in command]
    assignments = 0
    while assignments < len(swapped) and re.match(r"^[A-Z_][A-Z0-9_]*=", swapped[assignments]):
        assignments += 1
    if swapped[assignments] == "python":
        swapped[assignments] = sys.executable
    if "runserver" in swapped:
        swapped.append("--noreload")  # one process, so stopping it stops the server
    return ["env", *swapped] if assignments else swapped


@contextlib.contextmanager
def serving(
    command: list[str],
    url: str,
    env: dict[str, str],
    headers: dict[str, str] | None = None,
    timeout: float = 30,
    cwd: Path = EXAMPLES,
) -> Iterator[tuple[int, dict[str, str], str]]:
    """Run ``command`` in ``cwd``, yield (status, headers, body) of the first answer from ``url``."""
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
                    if proc.poll() is None:
                        os.killpg(proc.pid, signal.SIGTERM)
                    pytest.fail(f"{' '.join(command)} did not serve {url}:\n{proc.communicate(timeout=15)[0]}")
                time.sleep(0.3)
        yield answer
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate(timeout=5)

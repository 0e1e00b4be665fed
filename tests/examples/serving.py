"""Start a server the way a page tells the reader to, wait for it to answer, stop it.

Used by the tests of the cookbook pages whose "Run it" section starts a server
(security, async_views, deployment). Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.examples.conftest import EXAMPLES
from tools import processes

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
    """Run ``command`` in ``cwd``, yield (status, headers, body) of the first answer from ``url``
    (tools/processes.py); a server that never answers fails the test with what it printed."""
    try:
        with processes.serving(command, url, env, cwd, headers, timeout) as answer:
            yield answer
    except processes.NoAnswer as exc:
        pytest.fail(str(exc), pytrace=False)

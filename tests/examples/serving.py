"""Start a server the way a page tells the reader to, wait for it to answer, stop it.

Used by the tests of the cookbook pages whose "Run it" section starts a server
(realtime, tasks, hello, cors) and by the attack suite's websocket rule. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.examples.conftest import EXAMPLES, section
from tests.examples.services import RunSection
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


def fresh_settings(module: str, monkeypatch, **env: str):
    """Settings module ``module`` imported afresh under ``env``, as a new process would: no other
    DJANGO_* variable of the test run (DJANGO_SETTINGS_MODULE aside) reaches it."""
    for name in [name for name in os.environ if name.startswith("DJANGO_") and name != "DJANGO_SETTINGS_MODULE"]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, module, raising=False)
    return importlib.import_module(module)


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


@contextlib.contextmanager
def page_server(script: str, path: str, **env: str) -> Iterator[tuple[int, str, list[list[str]], dict[str, str]]]:
    """Section "run" of examples/``script`` as typed, on a free port: its set-up steps (migrate) run,
    its server answers ``path`` with 200. Yields (port, that page, the steps the page starts in the
    background (a worker), not started, the environment); ``env`` overrides the page's exports."""
    run = RunSection.parse(section(script, "run"))
    *steps, server = run.steps
    env = reader_env(**{**run.exports, **env})
    port = free_port()
    for step in [step for step in steps if not RunSection.long_running(step)]:
        subprocess.run(as_typed(step, port), cwd=EXAMPLES, env=env, check=True, timeout=120, capture_output=True)
    with serving(as_typed(server, port), f"http://127.0.0.1:{port}{path}", env) as (status, _, body):
        assert status == 200, f"{script}: the server answered {path} with {status}:\n{body}"
        yield port, body, [step for step in steps if RunSection.long_running(step)], env

"""Real services the examples talk to, started by the tests and stopped afterwards.

`redis_server()` runs Debian's `redis-server` on a free port, in a temporary
folder, with persistence off, and yields its URL. The tests of the background
tasks, real-time and caching pages use it (module-scoped, through a fixture),
so no test depends on a Redis someone left running. When the binary is
missing the test fails, naming the one command that installs it: CI installs
it in `.ci/run`, so nothing here is ever skipped.

`running()` starts a long-lived command a page tells the reader to type (a worker,
a server) and stops it; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from macros.run_it import LONG_RUNNING
from tests.conftest import free_port
from tests.examples.conftest import EXAMPLES
from tools.processes import stop

INSTALL_REDIS = "sudo apt-get install redis-server"
T = TypeVar("T")


def redis_binary(path: str | None = None) -> str:
    """The path of `redis-server` on ``path`` (default: $PATH), or a test failure that says how to install it."""
    found = shutil.which("redis-server", path=path)
    if not found:
        pytest.fail(
            f"redis-server is not installed; the examples need a real Redis. Install it with: {INSTALL_REDIS}",
            pytrace=False,
        )
    return found


def _answers_ping(port: int) -> bool:
    """True once Redis answers PING on ``port`` (spoken as plain RESP, no client library needed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def redis_server(timeout: float = 10) -> Iterator[str]:
    """Start `redis-server` on a free port with no persistence; yield ``redis://127.0.0.1:PORT/0``."""
    binary = redis_binary()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="redis-") as workdir:
        # Persistence off: no RDB snapshots, no append-only file.
        flags = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]
        command = [binary, "--port", str(port), "--dir", workdir, *flags]
        with running(command, env=dict(os.environ), cwd=Path(workdir)) as redis:
            wait_for(lambda: _answers_ping(port), f"redis-server to answer on port {port}", timeout, redis, 0.05)
            yield f"redis://127.0.0.1:{port}/0"


class Running:
    """A command started by `running()`: its process and what it has printed so far."""

    def __init__(self, proc: subprocess.Popen, log: Path):
        self.proc = proc
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], cwd: Path = EXAMPLES) -> Iterator[Running]:
    """Run ``command`` (a worker, a server) in its own process group for the duration of the block.

    Its output goes to a file, not a pipe, so a chatty worker never blocks on a full pipe.
    """
    with tempfile.TemporaryDirectory(prefix="service-") as tmp:
        log = Path(tmp) / "output.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            yield Running(proc, log)
        finally:
            stop(proc)


def wait_for(
    probe: Callable[[], T | None], what: str, timeout: float = 15, service: Running | None = None, interval: float = 0.1
) -> T:
    """Call ``probe`` until it returns something truthy.

    Fail after ``timeout`` seconds, showing the service's output.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if (service is not None and service.proc.poll() is not None) or time.monotonic() > deadline:
            output = service.output() if service is not None else ""
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}\n{output}")
        time.sleep(interval)


# The "Run it" sections ------------------------------------------------------


@dataclass
class RunSection:
    """A page's "Run it" commands as a reader types them, split into what a test does with each."""

    exports: dict[str, str] = field(default_factory=dict)  # `export NAME=value`, in order
    steps: list[list[str]] = field(default_factory=list)  # every other command, in order
    redis: list[str] = field(default_factory=list)  # the `redis-server` line

    @classmethod
    def parse(cls, lines: list[str]) -> RunSection:
        run, variables = cls(), {}
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            words = shlex.split(line, comments=True)
            if words[-1] == "&":  # started in the background
                words = words[:-1]
            if words[0] == "redis-server":
                run.redis = words
            elif words[0] == "export" or (len(words) == 1 and re.fullmatch(r"[a-z_]\w*=.*", words[0], re.S)):
                # A shell variable (key="$(python -c ...)") is no step: an export that names it gets its value.
                name, value = words[-1].split("=", 1)
                value = re.sub(r"\$(\w+)", lambda m: variables.get(m.group(1), m.group(0)), value)
                (run.exports if words[0] == "export" else variables)[name] = value
            else:
                run.steps.append(words)
        return run

    @staticmethod
    def long_running(command: list[str]) -> bool:
        return command[0] in LONG_RUNNING or any(word in LONG_RUNNING for word in command[1:5])

"""Follow a page's "Run it" in an empty temporary folder, as a reader would.

The steps come from `macros.run_it.plan()`, the same object the page is
rendered from, so what the test types is what the page shows:

1. **Set up.** The virtual environment lines and the `pip install` line are
   not run: this interpreter's virtual environment stands in for the reader's
   (its tools come first on PATH, so `python`, `flask` and `django-admin` are
   the tested ones) and nothing is downloaded. tests/site/test_run_it.py checks
   the install line against the pins. Every other set-up line (`django-admin
   startproject`, `mkdir`, `touch`) runs as written.
2. **Files.** Each file of the tree is copied from examples/ to its path; the
   lines the page says to add to `project/settings.py` and `project/urls.py`
   are appended to the files `startproject` wrote.
3. **Run.** Section "run" runs in bash, ports 8000 (the app) and 6379 (Redis)
   swapped for free ones and `runserver` kept to one process; a server line,
   and anything the page starts in the background with `&` (Redis, a worker,
   an SMTP server), runs until the test stops it.
4. **Expected output.** Each command of section "expect" runs in bash in a
   fresh shell (the reader's second terminal), and the lines shown under it
   must appear in its output, in order.

Every wait is bounded; servers are stopped, never left running.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import yaml

from macros.run_it import ACTIVATE, VENV, Plan, logical, plan
from tests.conftest import free_port
from tests.examples.conftest import EXAMPLES, ROOT
from tests.examples.services import Running, redis_binary, stop, wait_for


def frameworks() -> dict[str, SimpleNamespace]:
    """data/frameworks.yml as plain objects (no pydantic: these tests also run on the LTS interpreter)."""
    raw = yaml.safe_load((ROOT / "data" / "frameworks.yml").read_text(encoding="utf-8"))["frameworks"]

    def obj(value):
        return SimpleNamespace(**{k: obj(v) for k, v in value.items()}) if isinstance(value, dict) else value

    return {
        key: SimpleNamespace(**{**{k: obj(v) for k, v in fw.items()}, "lts": obj(fw.get("lts"))})
        for key, fw in raw.items()
    }


FRAMEWORKS = frameworks()


def plan_of(topic: str, framework: str) -> Plan:
    return plan(ROOT, framework, FRAMEWORKS[framework], topic)


def reader_env(**extra: str) -> dict[str, str]:
    """A new terminal in the reader's activated virtual environment: nothing of this test run leaks in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("COV", "DJANGO_", "FLASK_", "PYTEST", "PYTHONPATH", "REDIS_URL"))
    }
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["VIRTUAL_ENV"] = str(Path(sys.executable).parent.parent)
    env.update(extra)
    return env


# Ports a page names, each swapped for a free one so that nothing else on the machine is in the way:
# the web server's, and Redis's.
PORTS = ("8000", "6379")


def typed(line: str, ports: dict[str, int]) -> str:
    """A line as the test types it: each port of ``ports`` swapped; `runserver` stays one process."""
    # One pass, so a free port that happens to contain "6379" is never replaced again.
    line = line if not ports else re.sub("|".join(map(re.escape, ports)), lambda m: str(ports[m.group(0)]), line)
    code, sep, comment = line.partition("  #")
    if "runserver" in code.split():
        line = code.rstrip() + " --noreload" + (sep + comment if sep else "")
    return line


def bash(lines: list[str], folder: Path, env: dict[str, str], timeout: float = 120, answers: str = "") -> str:
    """Run ``lines`` as one bash script that stops at the first failing line; return what it printed.

    Standard output comes first, then standard error, each whole: curl's progress meter (on
    stderr, shown only when the output is not a terminal) must not cut a line of the answer in two.
    """
    proc = subprocess.run(
        ["bash", "-c", "set -e\n" + "\n".join(lines)],
        cwd=folder,
        env=env,
        text=True,
        input=answers,
        capture_output=True,
        timeout=timeout,
    )
    printed = proc.stdout + ("\n" if proc.stdout and not proc.stdout.endswith("\n") else "") + proc.stderr
    assert proc.returncode == 0, f"in {folder}:\n" + "\n".join(lines) + f"\nfailed ({proc.returncode}):\n{printed}"
    return printed


def lay_out(p: Plan, folder: Path, env: dict[str, str]) -> None:
    """Steps 1 and 2: the set-up lines (bar the environment and pip), the files, the added lines."""
    setup = logical(p.setup)  # a line the page continues with a backslash, as bash reads it
    assert setup[:3] == [f"{VENV}  # {p.python}", ACTIVATE, "pip install " + " ".join(p.pip)], setup[:3]
    commands = [line for line in setup[3:] if not line.startswith("#")]
    if commands:
        bash(commands, folder, env)
    for f in p.files:
        target = folder / f.path
        if f.source is not None:
            assert not target.exists(), f"{f.path} would overwrite a file the set-up made"
            target.parent.mkdir(parents=True, exist_ok=True)  # the page's mkdir made it already
            shutil.copyfile(f.source, target)
        else:
            assert target.is_file(), f"the set-up lines did not create {f.path}"
    for name, lines in p.appends.items():
        with (folder / name).open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(lines) + "\n")


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


@contextlib.contextmanager
def run(
    p: Plan, folder: Path, env: dict[str, str], ports: dict[str, int], answers: str = "", timeout: float = 60
) -> Iterator[Running | None]:
    """Step 3: section "run"; with a server, yield while it listens on ``port``, then stop it.

    ``answers`` is what the reader types at the prompts (a password asked twice), one per line.
    """
    lines = [typed(line, ports) for line in p.run]
    if p.server is None:
        if lines:
            bash(lines, folder, env, answers=answers)
        yield None
        return
    log = folder.parent / f"{folder.name}-server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["bash", "-c", "set -e\n" + "\n".join(lines)],
            cwd=folder,
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Running(proc, log)
    try:
        proc.stdin.write(answers)
        proc.stdin.close()
        proc.stdin = None  # closed: stop() must not flush it
        port = ports["8000"]
        wait_for(lambda: _listening(port), f"the server of {p.commands.name} on port {port}", timeout, server)
        yield server
    finally:
        stop(proc)


def expectations(lines: list[str]) -> list[tuple[str, list[str]]]:
    """A section in the shape of "expect" as (command, the output lines shown under it); a command
    the page continues on the next line with a backslash is one command, as bash reads it."""
    pairs: list[tuple[str, list[str]]] = []
    for line in logical(lines):
        if not line.strip():
            continue
        if line.startswith("#"):
            pairs[-1][1].append(line[2:] if line.startswith("# ") else line[1:])
        else:
            pairs.append((line, []))
    return pairs


def matcher(shown: str) -> re.Pattern[str]:
    """A shown line as a pattern: the whole line, without surrounding spaces; `...` stands for
    text that differs from run to run (a CSRF token, a date). A status line compares its code
    only: the reason phrase follows the server and the Python version (Python 3.13 calls 422
    "Unprocessable Content", 3.12 "Unprocessable Entity")."""
    status = re.fullmatch(r"(HTTP/1\.1 \d{3})( .*)?", shown.strip())
    if status:
        return re.compile(re.escape(status.group(1)) + r"( .*)?")
    return re.compile(".*?".join(re.escape(part) for part in shown.strip().split("...")))


def missing_lines(shown: list[str], output: str) -> list[str]:
    """The shown lines that do not appear, in order, among the output's lines; empty when all do."""
    actual = [line.strip() for line in output.splitlines()]
    at = 0
    for i, want in enumerate(shown):
        pattern = matcher(want)
        while at < len(actual) and not pattern.fullmatch(actual[at]):
            at += 1
        if at == len(actual):
            return shown[i:]
        at += 1
    return []


def check_shown(lines: list[str], where: str, folder: Path, env: dict[str, str], ports=None, server=None) -> int:
    """Every command of ``lines`` (shaped as section "expect") prints the lines shown under it, ``ports``
    swapped. Returns how many ran; a failure names ``where`` (the commands file) and shows ``server``'s output."""
    ports, checked = ports or {}, 0
    for command, shown in expectations(lines):
        output = bash([typed(command, ports)], folder, env, timeout=60)
        missing = missing_lines([typed(line, ports) for line in shown], output)
        log = f"\n--- server output ---\n{server.output()}" if server else ""
        assert missing == [], (
            f"{where}: `{command}` printed\n{output}\nwithout the line(s) the page shows: {missing}{log}"
        )
        checked += 1
    return checked


def follow(topic: str, framework: str, folder: Path, answers: str = "") -> int:
    """Every step of the page's Run it for ``framework``, in ``folder`` (empty); returns the commands checked."""
    assert not any(folder.iterdir()), f"{folder} is not empty"
    p = plan_of(topic, framework)
    if any(line.startswith("redis-server ") for line in p.run):
        redis_binary()  # fails, naming the command that installs it, when Debian's redis-server is missing
    env = reader_env()
    lay_out(p, folder, env)
    ports = {page: free_port() for page in PORTS}
    with run(p, folder, env, ports, answers) as server:
        return check_shown(p.expect, str(p.commands.relative_to(EXAMPLES)), folder, env, ports, server)

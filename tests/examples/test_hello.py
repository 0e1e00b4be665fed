"""Hello world: both apps answer on /, and both servers reload on save as the page says.

The page's Run it, followed from an empty folder, is tests/examples/test_run_it.py."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import time
import urllib.request

import pytest

from tests.conftest import free_port
from tests.examples.browsing import body
from tests.examples.conftest import EXAMPLES, ROOT, section
from tests.examples.serving import reader_env, serving


def test_both_say_hello_at_the_root(site):
    """Flask's app and Django's URLs at the project's root, where the manifest mounts them."""
    response = site.client().get("/")
    assert response.status_code == 200
    assert body(response) == f"Hello from {site.framework.title()}!"


# Reloading on save ------------------------------------------------------------
#
# The page says both servers reload when you save a file. Werkzeug's reloader
# (under `flask run`) is on only with --debug (flask/cli.py: `reload = debug`);
# Django's runserver reloads unless given --noreload. Each case runs the page's
# command in a copy of examples/, edits the view, and watches the answer.

SETTLE = 1.5  # let the reloader take its first snapshot of file times (it polls each second)
RELOADS_WITHIN = 10.0  # a reloader restarts within about two seconds here; this only bounds a failure
QUIET_FOR = 4.0  # no reloader: four of a reloader's one-second polls pass without a restart


@pytest.fixture
def examples_copy(tmp_path):
    dest = tmp_path / "examples"
    shutil.copytree(EXAMPLES, dest, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3"))
    return dest


def answer(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.read().decode()
    except OSError:
        return None  # restarting


def answer_after_saving(command: list[str], cwd, view, old: str, new: str, wait: float = RELOADS_WITHIN) -> str:
    """Serve with `command`, replace `old` by `new` in `view`, and return what / answers once it
    changes, or after `wait` seconds."""
    port = free_port()
    command = [arg.replace("8000", str(port)) for arg in command]
    url = f"http://127.0.0.1:{port}/"
    with serving(command, url, reader_env(), cwd=cwd) as (status, _, body):
        assert (status, body) == (200, old)
        time.sleep(SETTLE)
        view.write_text(view.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        deadline = time.monotonic() + wait
        seen = body
        while seen == old and time.monotonic() < deadline:
            time.sleep(0.3)
            seen = answer(url) or seen
        return seen


def page_command(script: str) -> list[str]:
    """The page's run command as the reader's shell runs it: comments dropped, leading
    NAME=value words passed through `env`, `python` as this interpreter, reloader left on."""
    [line] = [line for line in section(script, "run") if not line.startswith("#")]
    command = [sys.executable if arg == "python" else arg for arg in shlex.split(line, comments=True)]
    return ["env", *command] if re.match(r"^[A-Z_][A-Z0-9_]*=", command[0]) else command


# (framework, a word taken out of the page's command, whether the server then reloads)
RELOADS = {
    "flask run --debug": ("flask", None, True),
    "flask run without --debug": ("flask", "--debug", False),
    "django runserver": ("django", None, True),
}
VIEWS = {"flask": "hello/flask_app.py", "django": "hello/django_app/views.py"}


@pytest.mark.parametrize("case", RELOADS)
def test_the_server_reloads_on_save_as_the_page_says(examples_copy, case):
    framework, taken_out, reloads = RELOADS[case]
    command = page_command(f"hello/{framework}_commands.sh")
    if taken_out:
        command.remove(taken_out)
    old = f"Hello from {framework.title()}!"
    new = old.replace("Hello", "Hello again")
    wait = RELOADS_WITHIN if reloads else QUIET_FOR
    shown = answer_after_saving(command, examples_copy, examples_copy / VIEWS[framework], old, new, wait)
    assert shown == (new if reloads else old)


def test_the_versions_the_page_names_for_the_reloader_are_the_pinned_ones():
    """hello.md names Werkzeug 3.1 and watchdog 6: the pins that the reload tests above ran on."""
    page = (ROOT / "docs" / "cookbook" / "hello.md").read_text(encoding="utf-8")
    pins = {}
    for name in ("requirements.txt", "examples/requirements-common.txt"):
        pins.update(re.findall(r"(?m)^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / name).read_text(encoding="utf-8")))
    werkzeug, watchdog = pins["Werkzeug"], pins["watchdog"]
    assert f"Werkzeug {'.'.join(werkzeug.split('.')[:2])} misses" in page, werkzeug
    assert f"pins watchdog {watchdog.split('.')[0]};" in page, watchdog

"""Hello world: both apps answer on /, and the run commands on the page work as written."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from hello.flask_app import app
from tests.conftest import free_port
from tests.examples.conftest import ROOT, section


def test_flask_says_hello():
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "Hello from Flask!"


@pytest.mark.urls("hello.django_app.urls")
def test_django_says_hello(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode() == "Hello from Django!"


@pytest.mark.parametrize(
    ("script", "expected"),
    [("hello/flask_commands.sh", "Hello from Flask!"), ("hello/django_commands.sh", "Hello from Django!")],
)
def test_run_commands_on_the_page_serve_the_app(script, expected):
    """Follow the page literally: `cd examples`, then the run command, on a free port."""
    lines = section(script, "run")
    assert lines[0] == "cd examples"
    command = shlex.split(lines[1])
    assert "8000" in command, "the page's command names port 8000"
    port = free_port()
    command = [str(port) if arg == "8000" else arg for arg in command]
    if command[0] == "python":
        command[0] = sys.executable
    if "runserver" in command:
        command.append("--noreload")  # one process, so stopping it stops the server
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py sets its own, as for a reader
    proc = subprocess.Popen(command, cwd=ROOT / "examples", env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    assert resp.read().decode() == expected
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{' '.join(command)} did not serve:\n{proc.communicate()[0]}")
                time.sleep(0.3)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            proc.communicate(timeout=15)

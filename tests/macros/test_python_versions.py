"""The site builds on Python 3.11 too (Debian 12's python3): `pip install -r requirements.txt && mkdocs serve`.

A 3.12-only construct (a quote reused inside a nested f-string) would stop a
reader's `mkdocs serve` with a SyntaxError, so one strict build runs on the LTS
environment's Python 3.11 (`.venv-lts`, which installs requirements.txt too).
An older Python stops with one line naming the version needed (macros/__init__.py).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT

LTS_PYTHON = ROOT / ".venv-lts" / "bin" / "python"


# `make test` makes .venv-lts (Python 3.11, with requirements.txt); `make check` does not.
pytestmark = pytest.mark.slow


def test_the_site_builds_strict_on_python_3_11_from_requirements_txt(tmp_path):
    if not LTS_PYTHON.is_file():
        pytest.fail("no .venv-lts: run `make .venv-lts/.installed` (make test makes it)", pytrace=False)
    done = subprocess.run(
        [str(LTS_PYTHON), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "cookbook" / "hello" / "index.html").is_file()


def test_an_older_python_stops_with_one_line_naming_the_version():
    older = "import sys\nsys.version_info = (3, 9, 0, 'final', 0)\nimport macros"
    done = subprocess.run([str(LTS_PYTHON), "-c", older], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: this guide's site needs Python 3.11 or newer (this is 3.9); build it with a newer python3"
    ]

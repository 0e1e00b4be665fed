"""The site builds on Python 3.11 too (Debian 12's python3): `pip install -r requirements.txt && mkdocs serve`.

Every module the build imports must parse there; a 3.12-only construct (a
quote reused inside a nested f-string) stops a reader's `mkdocs serve` with a
SyntaxError. The LTS environment (`make test-lts`, `.venv-lts`) is that Python.
An older Python stops with one line naming the version needed (macros/__init__.py).
"""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ROOT

LTS_PYTHON = ROOT / ".venv-lts" / "bin" / "python"
PARSE = "import ast, sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p, encoding='utf-8').read(), p)"


# `make test` makes .venv-lts (Python 3.11); `make check` does not, so these run in `make test`.
pytestmark = pytest.mark.slow


def test_every_module_the_build_imports_parses_on_python_3_11():
    if not LTS_PYTHON.is_file():
        pytest.fail("no .venv-lts: run `make .venv-lts/.installed` (make test makes it)", pytrace=False)
    files = sorted(str(p) for p in (ROOT / "macros").glob("*.py"))
    done = subprocess.run([str(LTS_PYTHON), "-c", PARSE, *files], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1] + "\n" + done.stderr


def test_an_older_python_stops_with_one_line_naming_the_version():
    older = "import sys\nsys.version_info = (3, 9, 0, 'final', 0)\nimport macros"
    done = subprocess.run([str(LTS_PYTHON), "-c", older], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: this guide's site needs Python 3.11 or newer (this is 3.9); build it with a newer python3"
    ]

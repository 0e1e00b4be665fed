"""Ruff finds nothing, and its formatter would change nothing (its settings: [tool.ruff] in pyproject.toml).

The settings are the whole rule: every Python file is linted; macros/, tools/
and tests/ are formatted, examples/ is not (how a shown line is laid out is
the page's decision); a per-file ignore or a `# noqa` says why. The
pre-commit hook runs the same two commands.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import BIN, ROOT

COMMANDS = {
    "check": (["check"], "fix each finding at its file:line (`.venv/bin/ruff check --fix` fixes some)"),
    "format": (["format", "--check"], "run `.venv/bin/ruff format` (it formats macros/, tools/ and tests/)"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_ruff_finds_nothing(name):
    args, fix = COMMANDS[name]
    command = [str(BIN / "ruff"), *args, "--no-cache"]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"`ruff {' '.join(args)}` exited {proc.returncode}; {fix}:\n{proc.stdout}{proc.stderr}"

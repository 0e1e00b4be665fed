"""mypy finds no error in macros/ and tools/ (its settings: [tool.mypy] in pyproject.toml).

The settings are the whole rule: the files it checks, the pydantic plugin, an
ignore only for a named untyped package, every `# type: ignore` naming its
error code and none left unused. The pre-commit hook runs the same command.
"""

from __future__ import annotations

import subprocess

from tests.conftest import BIN, ROOT


def test_mypy_finds_no_error():
    proc = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (
        f"mypy exited {proc.returncode}; fix each error below at its file:line (run `.venv/bin/mypy` "
        f"to see them again):\n{proc.stdout}{proc.stderr}"
    )

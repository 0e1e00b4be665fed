"""Helpers for driving the examples as a reader would.

Flask examples expose `app`; Django examples are driven through pytest-django's
`client`, `admin_client` and `db` fixtures with each topic's URLs as the root
URLconf (`@pytest.mark.urls("<topic>.django_app.urls")`), so paths in tests
match the paths on the page.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def section(path: str | Path, name: str) -> list[str]:
    """The lines of snippet section `name` in an example file, as the page shows them."""
    lines = (EXAMPLES / path).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.search(rf"--8<--\s*\[start:{name}\]", line))
    end = next(i for i, line in enumerate(lines) if re.search(rf"--8<--\s*\[end:{name}\]", line))
    return [line for line in lines[start + 1 : end] if "--8<--" not in line]

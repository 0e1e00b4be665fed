"""Helpers for driving the examples as a reader would.

Flask examples expose `app`; Django examples are driven through pytest-django's
`client`, `admin_client` and `db` fixtures with each topic's URLs as the root
URLconf (`@pytest.mark.urls("<topic>.django_app.urls")`), so paths in tests
match the paths on the page.
"""

from __future__ import annotations

from pathlib import Path

from macros.examples import section_lines

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def section(path: str | Path, name: str) -> list[str]:
    """The lines of snippet section `name` in an example file, as the page shows them."""
    return section_lines(EXAMPLES / path, name)

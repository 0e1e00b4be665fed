"""Helpers for driving the examples as a reader would.

Flask examples expose `app`; Django examples are driven through pytest-django's
`client`, `admin_client` and `db` fixtures with each topic's URLs as the root
URLconf (`@pytest.mark.urls("<topic>.django_app.urls")`), so paths in tests
match the paths on the page.

Assert what a reader would notice (the status, the text, the redirect), and
never copy the expected value out of the code under test. :func:`section`
reads a snippet section as the page shows it, for example to run the commands
a page lists. Every line a page shows must run in a test: the suite fails when
the coverage of examples/ falls under 95% (pyproject.toml) and, whatever the
total, names any example file of which no test ran a line (an ``ERROR:`` line
under the coverage table). Every folder with Python files needs an
``__init__.py``: coverage does not look for untested files in a folder
without one. The same tests run on Django 5.2 LTS (``make test-lts``).
"""

from __future__ import annotations

from pathlib import Path

from macros.examples import section_lines

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def section(path: str | Path, name: str) -> list[str]:
    """The lines of snippet section `name` in an example file, as the page shows them."""
    return section_lines(EXAMPLES / path, name)

"""Helpers for driving the examples as a reader would.

Each test file drives one topic's app as its manifest declares it: the fixtures
``site`` (once per framework), ``flask_site`` and ``django_site`` below, built by
tests/examples/apps.py as the attack suite builds them. Django runs on the
project's URLs, which mount every topic where its manifest says, so paths in
tests match the paths on the page. A test asserts one behaviour of both
frameworks through ``site``; a test of one framework's own way takes its fixture.

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

import pytest

from macros.examples import section_lines
from tests.examples import apps
from tests.examples.apps import EXAMPLES, ROOT

__all__ = ["EXAMPLES", "ROOT", "section"]


def section(path: str | Path, name: str) -> list[str]:
    """The lines of snippet section `name` in an example file, as the page shows them."""
    return section_lines(EXAMPLES / path, name)


@pytest.fixture
def flask_site(request, tmp_path):
    """The file's topic under Flask (tests/examples/apps.py): a key, a fresh database, its tables."""
    site = apps.Site(apps.topic_of(request), "flask", apps.build_flask(apps.topic_of(request), tmp_path))
    yield site
    apps.dispose(site.app)


@pytest.fixture
def django_site(request, db, tmp_path):
    """The file's topic under Django: the project's URLs and settings with the topic's on top,
    the test database."""
    with apps.topic_settings(apps.topic_of(request), tmp_path):
        yield apps.Site(apps.topic_of(request), "django")


@pytest.fixture(params=apps.FRAMEWORKS)
def site(request, db):
    """The file's topic once under each framework: a test that asserts the same behaviour of both.
    (It names `db` for Django's sake: pytest-django sets up the test database only for the tests
    that name it, and a fixture asked for by name at run time is not seen.)"""
    return request.getfixturevalue(f"{request.param}_site")

"""`make check` runs the tests of the topics a change touches (tools/changed_tests.py)."""

from __future__ import annotations

from tests.conftest import ROOT
from tools import changed_tests

EVERY = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests/examples").glob("test_*.py"))


def test_a_topics_own_files_pick_its_tests_alone():
    changed = [
        "examples/caching/flask_app.py",
        "docs/cookbook/forms.md",
        "tests/examples/test_auth.py",
        "data/features.yml",
        "mkdocs.yml",
        "docs/choosing/speed.md",
    ]
    assert changed_tests.tests_for(changed) == [
        "tests/examples/test_auth.py",
        "tests/examples/test_caching.py",
        "tests/examples/test_forms.py",
    ]


def test_what_every_topic_shares_picks_every_example_test():
    for shared in (
        "examples/project/urls.py",
        "examples/requirements.txt",
        "tests/examples/conftest.py",
        "macros/run_it.py",
    ):
        assert changed_tests.tests_for([shared]) == EVERY, shared


def test_no_base_to_compare_with_picks_every_example_test_and_no_change_none():
    assert changed_tests.tests_for(None) == EVERY
    assert changed_tests.tests_for([]) == []

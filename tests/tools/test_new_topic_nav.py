"""Where `make new-topic` puts a page: in a group of the Cookbook's nav, and the same group of its index.

Fast checks of tools/new_topic.py's text edits; tests/site/test_new_topic.py
runs the whole scaffold in a copy of the repository.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tools import new_topic

NAV = """\
nav:
  - Home: index.md
  - Cookbook:
      - cookbook/index.md
      # A comment between groups.
      - Basics:
          - Hello: cookbook/hello.md
          - Routing: cookbook/routing.md
      - Data:
          - Database: cookbook/database.md
  - Reference:
      - Glossary: glossary.md
"""
INDEX = """\
# Cookbook

### Basics

- [Hello](hello.md): the smallest app.
- [Routing](routing.md): URLs to views,
  and back.

### Data

- [Database](database.md): models.

## After
"""


def test_the_groups_are_read_from_the_cookbook_section():
    assert new_topic.nav_groups(NAV) == ["Basics", "Data"]
    assert new_topic.nav_groups((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[:2] == ["Basics", "Data"]


def test_a_named_group_takes_the_page_at_its_end_in_nav_and_index():
    group = new_topic.pick_group(NAV, "basics")
    assert group == "Basics"
    assert (
        "          - Routing: cookbook/routing.md\n          - Paging: cookbook/paging.md\n      - Data:\n"
        in new_topic.add_to_nav(NAV, "Paging", "paging", group)
    )
    assert (
        "  and back.\n- [Paging](paging.md): FILL IN: what the page does, in a few words.\n\n### Data"
        in new_topic.add_to_index(INDEX, "Paging", "paging", group)
    )


def test_without_a_group_the_page_goes_in_the_last_one():
    group = new_topic.pick_group(NAV, None)
    assert group == "Data"
    assert (
        "          - Database: cookbook/database.md\n          - Paging: cookbook/paging.md\n  - Reference:"
        in new_topic.add_to_nav(NAV, "Paging", "paging", group)
    )
    assert "- [Database](database.md): models.\n- [Paging](paging.md)" in new_topic.add_to_index(
        INDEX, "Paging", "paging", group
    )


def test_a_flat_cookbook_section_takes_the_page_at_its_end():
    flat = (
        "nav:\n  - Cookbook:\n      - cookbook/index.md\n      - Hello: cookbook/hello.md\n  - Reference: glossary.md\n"
    )
    assert new_topic.pick_group(flat, None) is None
    assert new_topic.add_to_nav(flat, "Paging", "paging", None) == (
        "nav:\n  - Cookbook:\n      - cookbook/index.md\n      - Hello: cookbook/hello.md\n"
        "      - Paging: cookbook/paging.md\n  - Reference: glossary.md\n"
    )


def test_an_unknown_group_is_refused_naming_the_groups():
    with pytest.raises(SystemExit) as exc:
        new_topic.pick_group(NAV, "Recipes")
    assert str(exc.value) == (
        "make new-topic: GROUP='Recipes': the Cookbook's groups in mkdocs.yml are Basics, Data; pick one of them"
    )

"""Which Cookbook group `make new-topic` writes into a manifest: one mkdocs.yml's nav names.

tests/site/test_new_topic.py runs the whole scaffold in a copy of the repository.
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
      - Basics: []
      - Data: []
  - Reference:
      - Glossary: glossary.md
"""


def test_the_groups_are_read_from_the_cookbook_section():
    assert new_topic.nav_groups(NAV) == ["Basics", "Data"]
    assert new_topic.nav_groups((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[:2] == ["Basics", "Data"]


@pytest.mark.parametrize(("given", "group"), [("basics", "Basics"), (None, "Data")])
def test_a_group_is_named_in_any_case_or_is_the_last(given, group):
    assert new_topic.pick_group(NAV, given) == group


def test_an_unknown_group_is_refused_naming_the_groups():
    with pytest.raises(SystemExit) as exc:
        new_topic.pick_group(NAV, "Recipes")
    assert str(exc.value) == (
        "make new-topic: GROUP='Recipes': the Cookbook's groups in mkdocs.yml are Basics, Data; pick one of them"
    )

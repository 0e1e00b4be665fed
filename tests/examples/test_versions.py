"""The framework versions these example tests run on are the ones the site says it tested."""

from __future__ import annotations

import re
from importlib import metadata

import pytest
import yaml

from macros.run_it import canonical
from tests.examples.browsing import pins
from tests.examples.conftest import ROOT

FRAMEWORKS = yaml.safe_load((ROOT / "data/frameworks.yml").read_text())["frameworks"]


@pytest.mark.parametrize("key", sorted(FRAMEWORKS))
def test_installed_version_is_listed_as_tested(key):
    fw = FRAMEWORKS[key]
    installed = metadata.version(fw["package"])
    assert installed in fw["tested"], (
        f"{fw['name']} {installed} runs these tests but data/frameworks.yml lists {fw['tested']}"
    )


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "cookbook").glob("*.md")), ids=lambda p: p.stem)
def test_every_version_a_cookbook_page_names_is_pinned(page):
    """Every "Flask-WTF 1.3.0" or "Django Ninja 1.7.1" a page names is a version the examples pin, and so
    is the release a page cites in brackets as the one it describes ("(Click 8.5)": 8.5.x is pinned)."""
    known = pins()
    text = re.sub(r"\s+", " ", page.read_text(encoding="utf-8"))
    named = {
        (key, version)
        for pattern in (r"([A-Za-z][\w.-]*[A-Za-z0-9])", r"([A-Za-z][\w.-]* [A-Za-z][\w.-]*[A-Za-z0-9])")
        for name, version in re.findall(pattern + r" (\d+\.\d+\.\d+)\b", text)
        if (key := canonical(name.replace(" ", "-"))) in known
    }
    named |= {
        (key, release)
        for name, release in re.findall(r"\(([A-Za-z][\w.-]*[A-Za-z0-9]) (\d+(?:\.\d+)?)\)", text)
        if (key := canonical(name)) in known
    }
    wrong = sorted(
        f"{key} {v} (pinned: {sorted(known[key])})"
        for key, v in named
        if not any(pin == v or pin.startswith(v + ".") for pin in known[key])
    )
    assert not wrong, f"docs/cookbook/{page.name} names versions the examples do not pin: {wrong}"

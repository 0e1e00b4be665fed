"""The framework versions these example tests run on are the ones the site says it tested."""

from __future__ import annotations

from importlib import metadata

import pytest
import yaml

from tests.examples.conftest import ROOT

FRAMEWORKS = yaml.safe_load((ROOT / "data/frameworks.yml").read_text())["frameworks"]


@pytest.mark.parametrize("key", sorted(FRAMEWORKS))
def test_installed_version_is_listed_as_tested(key):
    fw = FRAMEWORKS[key]
    installed = metadata.version(fw["package"])
    assert installed in fw["tested"], (
        f"{fw['name']} {installed} runs these tests but data/frameworks.yml lists {fw['tested']}"
    )

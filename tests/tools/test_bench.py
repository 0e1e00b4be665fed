"""tools/bench.py's reference page: bare Material with the site's light and dark palette.

The page-weight budget (tests/browser/test_pages.py) and `make bench` measure
against it, so a site that must read in dark mode is not charged for Material's
own palette stylesheet.
"""

from __future__ import annotations

import pytest
import yaml

from tools import bench


def test_the_bare_project_has_the_sites_palette_and_nothing_else_of_it(tmp_path):
    config = yaml.safe_load((bench.write_bare_project(tmp_path) / "mkdocs.yml").read_text(encoding="utf-8"))
    schemes = [entry.get("scheme") for entry in config["theme"]["palette"]]
    assert schemes == [None, "default", "slate"], "the site's three palette entries (system, light, dark)"
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False
    assert set(config) == {"site_name", "site_url", "theme"}, "no plugin, stylesheet or script of the site"


def test_bench_refuses_an_unknown_part(capsys):
    with pytest.raises(SystemExit) as exc:
        bench.cli(["speed"])
    assert exc.value.code == 2
    assert "invalid choice: 'speed'" in capsys.readouterr().err

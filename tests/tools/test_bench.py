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


def test_lighthouse_figures_print_as_medians_with_each_runs_blocking_time():
    runs = [{"metrics": {"FCP": 1000.0, "LCP": 1500.0, "TBT": tbt, "CLS": 0.0, "SI": 1100.0}}
            for tbt in (300.0, 40.0, 120.0)]
    runs.append({"metrics": {"FCP": None, "LCP": None, "TBT": None, "CLS": None, "SI": None}})  # an audit missing
    line = bench.metric_line(runs)
    assert line.startswith("median FCP 1,000 ms · LCP 1,500 ms · TBT 120 ms · CLS 0.000 · SI 1,100 ms;")
    assert line.endswith("TBT per run: 300, 40, 120, - ms")

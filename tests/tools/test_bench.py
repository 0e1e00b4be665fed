"""tools/bench.py's reference page: bare Material with the site's light and dark palette.

The page-weight budget (tests/browser/test_layout.py) and `make bench` measure
against it, so a site that must read in dark mode is not charged for Material's
own palette stylesheet.
"""

from __future__ import annotations

import re

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
    runs = [
        {"metrics": {"FCP": 1000.0, "LCP": 1500.0, "TBT": tbt, "CLS": 0.0, "SI": 1100.0}}
        for tbt in (300.0, 40.0, 120.0)
    ]
    runs.append({"metrics": {"FCP": None, "LCP": None, "TBT": None, "CLS": None, "SI": None}})  # an audit missing
    line = bench.metric_line(runs)
    assert line.startswith("median FCP 1,000 ms · LCP 1,500 ms · TBT 120 ms · CLS 0.000 · SI 1,100 ms;")
    assert line.endswith("TBT per run: 300, 40, 120, - ms")


@pytest.mark.parametrize(
    ("index", "slowdown"),
    [
        (800, 2),
        (1_100, 2),
        (1_499, 2),  # a loaded host: Lighthouse's low-end desktop row, 2x
        (1_500, 4),
        (1_999, 4),  # its high-end desktop row, 4x
        (2_300, 5),
        (2_800, 6),
        (9_000, 10),  # faster still: ~500 index points per 1x, at most 10x
    ],
)
def test_the_cpu_slowdown_is_calibrated_from_the_hosts_benchmark_index(index, slowdown):
    assert bench.calibrated_slowdown(index) == slowdown


def test_a_run_whose_own_index_calls_for_another_slowdown_is_measured_again():
    # The host got busy during the second run (index 1,200: 2x, not the probe's 8x); a third run is quiet again.
    indexes = iter([3_900, 1_200, 4_000, 3_800])
    runs = [{"benchmark_index": next(indexes)} for _ in range(4)]
    queue = iter(runs)
    results, again = bench.calibrated_runs(lambda: next(queue), 3, slowdown=8)
    assert [r["benchmark_index"] for r in results] == [3_900, 4_000, 3_800] and again == 1
    # At the default 4x nothing is calibrated, so nothing is measured again.
    queue = iter(runs)
    results, again = bench.calibrated_runs(lambda: next(queue), 2, slowdown=None)
    assert [r["benchmark_index"] for r in results] == [3_900, 1_200] and again == 0


def test_a_first_visit_weighs_the_search_index_with_the_html_css_and_js(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": [' + '{"text": "word"},' * 200 + "{}]}")
    (tmp_path / "worker.js").write_text("x" * 100)
    (tmp_path / "index.html").write_text('<script>var c = {"search": "worker.js"}</script>' + "<p>hi</p>" * 50)
    raw, level6, served = bench.index_sizes(tmp_path)
    assert raw > level6 > 0 and served > 0
    weight = bench.page_weight(tmp_path, "index.html", prefix="/")
    assert weight.index == served and weight.total == weight.html + weight.css + weight.js + served
    # A page that holds the index until search opens (overrides/main.html) downloads it then.
    held_page = '<script data-search-on-demand></script><script>var c = {"search": "worker.js"}</script>'
    (tmp_path / "held.html").write_text(held_page)
    held = bench.page_weight(tmp_path, "held.html", prefix="/")
    assert held.index == 0 and held.on_search == served and held.total == held.html + held.css + held.js
    # A page without the search worker (bare HTML) downloads no index.
    (tmp_path / "plain.html").write_text("<p>plain</p>")
    assert bench.page_weight(tmp_path, "plain.html", prefix="/").index == 0


def test_make_bench_prints_both_engines_cold_and_warm(zensical_site, tmp_path, capsys, monkeypatch):
    """`make bench`'s engine section, on one run of each. Zensical builds for real, cold then
    warm (the only warm Zensical build the tests make); MkDocs keeps no cache, bench.build runs
    for real in the browser tests' bare page, and the same strict build of the same source is
    tests/site/test_build.py's, so its two timed builds are stood in for here."""
    built = []
    monkeypatch.setattr(bench, "build", lambda project, dest, strict=False: built.append(strict) or 1.0)
    bench.bench_engines(tmp_path, runs=1)
    out = capsys.readouterr().out
    rows = {
        m[1]: (float(m[2]), float(m[3]))
        for m in re.finditer(r"^  (MkDocs|Zensical) .*?(\d+\.\d\d) s +(\d+\.\d\d) s$", out, re.M)
    }
    assert set(rows) == {"MkDocs", "Zensical"} and built == [True, True], out
    assert all(0 < seconds < 300 for pair in rows.values() for seconds in pair), out


@pytest.mark.slow
def test_make_bench_measures_zensicals_build_when_asked(capsys):
    """`make bench BENCH_ARGS="weight --engine zensical"` (and `lighthouse ... --engine zensical`):
    the pages and the bare page beside them are Zensical's builds, whose search index is search.json."""
    assert bench.cli(["weight", "--engine", "zensical"]) == 0
    out = capsys.readouterr().out
    assert "Pages built by zensical" in out and "\n  search.json: " in out, out
    assert re.search(r"^  cookbook/crud/ +\d", out, re.M), out

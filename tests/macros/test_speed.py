"""Speed and resources: the benchmark's schema, tables, charts and prose figures, without a site build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros import data, speed
from macros.data import Spread
from macros.errors import MacroError

ROOT = Path(__file__).resolve().parents[2]


def edit(folder: Path, change) -> None:
    path = folder / "measured.yml"
    content = yaml.safe_load(path.read_text())
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False))


@pytest.fixture
def two_site(two):
    return data.load(two)


# The schema's refusals are in tests/macros/test_data.py (INLINE_MISTAKES).


def test_the_real_measurements_load_with_machine_and_versions():
    site = data.load(ROOT / "data")
    bench = site.benchmark
    assert bench.machine.cpu and bench.machine.cores >= 1
    assert {"Flask", "Django", "gunicorn", "wrk"} <= set(bench.versions)
    assert set(site.project) == {"flask", "django"}


# The verdict: clear only outside the spread ---------------------------------------


def s(median: float, low: float, high: float) -> Spread:
    return Spread(median=median, min=low, max=high, samples=5)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (s(100, 90, 110), s(200, 190, 210), True),  # apart, 2×
        (s(100, 90, 150), s(200, 140, 210), False),  # the runs overlap
        (s(100, 99, 101), s(105, 104, 106), False),  # apart, but only 5% different
        (s(0, 0, 0), s(3, 2, 4), True),
    ],
)
def test_clear_needs_runs_apart_and_more_than_the_margin(a, b, expected):
    assert speed.clear(a, b) is expected and speed.clear(b, a) is expected


def test_verdict_names_the_winner_in_the_right_direction(two_site):
    lower, higher = s(40, 38, 42), s(100, 95, 110)
    assert speed.verdict(two_site, {"flask": lower, "django": higher}, "startup_ms") == "Yes: Flask, 2.5× faster"
    assert speed.verdict(two_site, {"flask": lower, "django": higher}, "rps") == "Yes: Django, 2.5× more"
    assert speed.verdict(two_site, {"flask": higher, "django": lower}, "memory_mib") == "Yes: Django, 2.5× less"
    assert speed.verdict(two_site, {"flask": lower, "django": s(41, 40, 43)}, "rps") == "No: within the spread"


# Tables and charts from the data ---------------------------------------------------


def test_tables_show_median_range_ratio_and_verdict(two_site):
    table = speed.speed_table(two_site, "startup")
    assert table.splitlines()[0] == "<div data-search-exclude markdown>"  # kept out of search previews
    assert (
        table.splitlines()[2]
        == "| App | Flask: median (range) | Django: median (range) | Flask ÷ Django | Clear difference |"
    )
    assert "| Smallest app: wall clock | 40 ms (36–44) | 100 ms (90–110) | 0.40 | Yes: Flask, 2.5× faster |" in table
    assert "| Smallest app: CPU time | 35 ms (32–38) | 90 ms (81–99) | 0.39 | Yes: Flask, 2.6× less CPU |" in table
    assert (
        "| Usual parts loaded | 45 MiB (40–50) | 50 MiB (45–55) | 0.90 | No: within the spread |"
        in speed.speed_table(two_site, "memory")
    )
    assert "| Ten rows through the ORM | 1.50 ms (1.35–1.65) | 2.00 ms (1.80–2.20) |" in speed.speed_table(
        two_site, "cpu"
    )
    requests = speed.speed_table(two_site, "requests")
    assert requests.count("\n|") == 2 + 5 and "| Plain text | 1,000 requests/s (900–1,100) |" in requests
    assert "Admin list page" in speed.speed_table(two_site, "admin")
    assert (
        "| Ten rows through the ORM | 5.0 / 20.0 ms | 6.0 / 22.0 ms | Flask: gunicorn; Django: gunicorn |"
        in speed.speed_table(two_site, "latency")
    )
    assert "| Flask | <code>Flask&#61;&#61;<wbr>3&#46;1&#46;3</code> | 7 | 2.0 MiB |" in speed.speed_table(
        two_site, "project"
    )


@pytest.mark.parametrize("what", speed.WHATS)
def test_every_chart_states_its_numbers(two_site, what):
    chart = speed.speed_chart(two_site, what)
    assert chart.startswith(f'<figure class="chart" id="chart-{what}">') and 'role="img"' in chart
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart).group(1)
    assert "Flask" in desc and "Django" in desc and re.search(r"\d", desc)
    if what == "requests":  # the figures of the data it is given
        assert "JSON: Flask 1,000 req/s" in desc


def test_unknown_figures_are_refused_with_the_choices(two_site):
    with pytest.raises(MacroError, match=r"unknown figure 'speed'; choose one of \['startup'"):
        speed.speed_table(two_site, "speed")
    with pytest.raises(MacroError, match="unknown figure"):
        speed.speed_chart(two_site, "speed")


# Figures for prose ---------------------------------------------------------------


def test_figure_formats_each_kind_and_ratios(two_site):
    assert speed.figure(two_site, "benchmark.startup_ms.smallest.flask") == "40 ms"
    assert speed.figure(two_site, "benchmark.requests.json.rps.django") == "800 requests/s"
    assert speed.figure(two_site, "benchmark.requests.json.p99_ms.flask") == "20.0 ms"
    assert speed.figure(two_site, "benchmark.memory_mib.full.django") == "50 MiB"
    assert speed.figure(two_site, "benchmark.requests.json.rps.flask/django") == "1.2×"
    assert speed.figure(two_site, "benchmark.machine.cpu") == "Test CPU"
    assert speed.figure(two_site, "benchmark.method.runs") == "5"
    assert speed.figure(two_site, "project.size.flask") == "2.0 MiB"
    assert speed.figure(two_site, "project.distributions.django") == "7"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("speed.x", "start with 'benchmark.', 'install.' or 'project.'"),
        ("benchmark.startup_ms.tiny.flask", r"no 'tiny' here; there is \['full', 'smallest'\]"),
        ("benchmark.machine", "not a single value"),
        (
            "project.size.bottle",
            r"name the framework last; data/measured.yml measured project for \['django', 'flask'\]",
        ),
        ("project.flask.size", "name the framework last"),
        ("install.colour.flask", r"no 'colour' in install; there is \['size', "),
        ("benchmark.requests.json.rps.flask/bottle", "a ratio needs two measured frameworks"),
    ],
)
def test_figure_refuses_unknown_keys_saying_what_there_is(two_site, key, message):
    with pytest.raises(MacroError, match=message):
        speed.figure(two_site, key)


def test_compare_says_whatever_the_data_says(two_site, two):
    assert (
        speed.compare(two_site, "benchmark.startup_ms.smallest")
        == "Flask starts 2.5× faster (40 ms against 100 ms for Django; no run overlapped)"
    )
    assert (
        speed.compare(two_site, "benchmark.requests.orm.rps") == "Flask serves 1.2× as many requests a second "
        "(1,000 requests/s against 800 requests/s for Django; no run overlapped)"
    )
    edit(
        two,
        lambda d: d["benchmark"]["startup_ms"]["smallest"].update(
            flask={"median": 99, "min": 90, "max": 104, "samples": 5}
        ),
    )
    assert speed.compare(data.load(two), "benchmark.startup_ms.smallest") == (
        "there is no clear difference (99 ms for Flask against 100 ms for Django; "
        "the runs overlap or differ by less than 10%)"
    )
    edit(
        two,
        lambda d: d["benchmark"]["memory_mib"]["full"].update(flask={"median": 90, "min": 85, "max": 95, "samples": 5}),
    )
    assert (
        speed.compare(data.load(two), "benchmark.memory_mib.full")
        == "Django uses 1.8× less memory (50 MiB against 90 MiB for Flask; no run overlapped)"
    )
    with pytest.raises(MacroError, match="name a figure measured for each framework"):
        speed.compare(two_site, "benchmark.machine")


def test_benchmark_setup_names_machine_method_and_versions(two_site):
    table = speed.benchmark_setup(two_site)
    assert "| Measured on | 2026-11-01, with `make measure` |" in table
    assert "| Processor | Test CPU, 2 cores (a virtual machine) |" in table
    assert "wrk 4.1.0, one thread, 8 connections, 5 s a run, on loopback" in table
    assert "Flask 1.0, Django 1.0, wrk 4.1.0" in table
    assert "1.0 at the start, 1.5 at the end" in table


def test_a_third_framework_does_not_change_the_pair_compared(three):
    site = data.load(three)
    assert "fastapi" in site.benchmark.startup_ms.smallest
    table = speed.speed_table(site, "startup")
    assert "FastAPI" not in table and "Flask ÷ Django" in table

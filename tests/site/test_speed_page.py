"""Speed and resources: the built page draws its charts from the data, and no page asserts speed unmeasured."""

from __future__ import annotations

import re
from html import unescape

import pytest

from macros import data, speed
from tests.conftest import ROOT

SITE = data.load(ROOT / "data")
DOCS = ROOT / "docs"
CHARTS = ("startup", "memory", "requests", "cpu", "admin", "project")


@pytest.fixture(scope="module")
def page(built_site) -> str:
    return (built_site.site / "choosing" / "speed" / "index.html").read_text(encoding="utf-8")


def test_every_chart_is_inline_svg_with_the_numbers_as_its_text_alternative(page):
    for what in CHARTS:
        drawn = re.search(rf'<figure class="chart" id="chart-{what}">(.*?)</figure>', page, re.S)
        assert drawn, f"chart {what!r} is missing from the page"
        svg = drawn.group(1)
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in svg and 'role="img"' in svg
        expected = re.search(r"<desc[^>]*>(.*?)</desc>", speed.speed_chart(SITE, what)).group(1)
        assert unescape(re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)) == unescape(expected)
    assert "<script" not in page.split("<article", 1)[1].split("</article>", 1)[0]


def test_the_page_names_the_machine_and_the_command(page):
    bench = SITE.benchmark
    assert bench.machine.cpu in page and f"{bench.machine.cores} cores" in page
    assert "make measure" in page and bench.measured.isoformat() in page


def formatted(site: data.Data) -> set[str]:
    """Every benchmark median, project and install size as the pages would print it."""
    found = set()
    bench = site.benchmark
    for kind in ("startup_ms", "startup_cpu_ms", "memory_mib"):
        for size in ("smallest", "full"):
            found |= {speed._value(s, kind) for s in getattr(getattr(bench, kind), size).values()}
    for endpoint in bench.requests.values():
        for metric in ("rps", "p50_ms", "p99_ms", "cpu_ms"):
            found |= {speed._value(s, metric) for s in getattr(endpoint, metric).values()}
    found |= {f"{p.size_kib / 1024:.1f} MiB" for p in [*site.project.values(), *site.install.values()]}
    return found


def test_measured_figures_are_not_typed_into_pages():
    """They change with every re-measure: pages use figure(), compare(), fact() and the tables."""
    numbers = formatted(SITE)
    kib = {str(m.size_kib) for m in [*SITE.project.values(), *SITE.install.values()]}
    typed = [
        f"{page.relative_to(ROOT)}: {n}"
        for page in DOCS.rglob("*.md")
        for text in [page.read_text(encoding="utf-8")]
        for n in [*(n for n in numbers if n in text), *(n for n in kib if re.search(rf"\b{n}\b", text))]
    ]
    assert typed == []


CLAIM = re.compile(r"\b(fast|faster|fastest|lightweight|light-weight|performs? better|performance)\b", re.I)


def test_every_speed_claim_links_to_a_measurement():
    """A paragraph that calls something fast, slow or lightweight links to the speed page."""
    unlinked = []
    for path in sorted(DOCS.rglob("*.md")):
        if path.name == "speed.md":
            continue
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            if paragraph.lstrip().startswith(("description:", "---", "#")):  # front matter, headings
                continue
            if CLAIM.search(paragraph) and "speed.md" not in paragraph:
                unlinked.append(
                    f"{path.relative_to(ROOT)}: {CLAIM.search(paragraph).group(0)!r} in "
                    f"{' '.join(paragraph.split())[:90]!r}"
                )
    assert unlinked == []


# What the pages say in words about the figures is declared next to the words: each
# `{# measured: ... #}` mark in docs/choosing/ is checked by macros/check.py (build and checker).

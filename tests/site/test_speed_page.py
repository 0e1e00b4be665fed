"""No page types a measured figure or calls something fast without linking the measurement.

What the speed page shows is its macros' (tests/macros/test_speed.py, test_charts.py); what
its words say about the figures is declared next to them (the `{# measured #}` marks).
"""

from __future__ import annotations

import re

from macros import data, speed
from tests.conftest import ROOT

SITE = data.load(ROOT / "data")
DOCS = ROOT / "docs"


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

"""Horizontal bar charts as inline SVG, drawn when the site is built.

A pure function, :func:`bar_chart`, turns groups of bars into an HTML
``<figure>`` holding an ``<svg>``: no script, no third-party library, nothing
fetched. The chart takes its colours from the page (``currentColor`` and
Material's CSS variables), so it follows the light and the dark scheme; every
bar carries its name and value as text, so nothing depends on telling two
colours apart; and the SVG's title and description state every number, for
readers who cannot see the bars.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# Layout, in SVG user units. The chart is drawn 360 units wide and scaled to the
# column: at a 375 px viewport that is close to 1:1, so 13-unit text stays readable.
WIDTH = 360
LABEL = 70  # left column: the bar's name
ROOM = 94  # right of the longest bar: its value
PLOT = WIDTH - LABEL - ROOM
BAR = 18
GAP = 6
HEAD = 22  # a group's heading line
AFTER_GROUP = 10
FONT = 13

# One look per bar position in a group, each told apart by shape as well as colour.
LOOKS = ("solid", "hatched", "outline")


@dataclass(frozen=True)
class Bar:
    """One bar: a name ("Flask"), the value it shows (a median), and the range of runs around it."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Group:
    """Bars shown together under a heading ("Plain text")."""

    label: str
    bars: tuple[Bar, ...]


def number(value: float, digits: int = 0) -> str:
    """``1234.5`` -> ``"1,235"``: thousands separated, a fixed number of decimals."""
    return f"{value:,.{digits}f}"


def describe(groups: list[Group] | tuple[Group, ...], unit: str, digits: int = 0) -> str:
    """The chart as a sentence per group, stating every value and range: its text alternative."""
    parts = []
    for group in groups:
        bars = []
        for bar in group.bars:
            text = f"{bar.label} {number(bar.value, digits)} {unit}"
            if bar.low is not None and bar.high is not None:
                text += f" (runs from {number(bar.low, digits)} to {number(bar.high, digits)})"
            bars.append(text)
        parts.append(f"{group.label}: {', '.join(bars)}.")
    return " ".join(parts)


def _attrs(**values: object) -> str:
    return " ".join(f'{k.rstrip("_").replace("_", "-")}="{html.escape(str(v), quote=True)}"' for k, v in values.items())


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    chart_id: str, title: str, groups: list[Group] | tuple[Group, ...], unit: str, digits: int = 0, note: str = ""
) -> str:
    """An accessible SVG bar chart in a ``<figure>``, with bar lengths proportional to the values.

    ``chart_id`` must be unique on the page (it names the title, the description
    and the hatch pattern). ``unit`` follows every value ("ms", "MiB"). Bars that
    have ``low`` and ``high`` get a line from one to the other: the spread of runs.
    ``note`` is added to the visible caption.
    """
    if not groups or not all(group.bars for group in groups):
        raise ValueError(f"chart {chart_id!r}: every group needs at least one bar")
    values = [v for g in groups for b in g.bars for v in (b.value, b.low, b.high) if v is not None]
    if any(v < 0 for v in values):
        raise ValueError(f"chart {chart_id!r}: bars cannot be negative")
    top = max(values) or 1.0

    def x(value: float) -> float:
        return LABEL + value / top * PLOT

    ids = {"title": f"{chart_id}-title", "desc": f"{chart_id}-desc", "hatch": f"{chart_id}-hatch"}
    body: list[str] = []
    y = 0.0
    for group in groups:
        y += HEAD
        body.append(f"<text {_attrs(x=0, y=_f(y - 7), font_weight='bold')}>{html.escape(group.label)}</text>")
        for index, bar in enumerate(group.bars):
            look = LOOKS[index % len(LOOKS)]
            middle = y + BAR / 2
            width = x(bar.value) - LABEL
            body.append(
                f"<text {_attrs(x=LABEL - 6, y=_f(middle + 4.5), text_anchor='end')}>{html.escape(bar.label)}</text>"
            )
            # Inline style, not presentation attributes: only CSS resolves var().
            style = {
                "solid": "fill: var(--md-typeset-a-color, #4051b5); stroke: none",
                "hatched": f"fill: url(#{ids['hatch']}); stroke: currentColor",
                "outline": "fill: none; stroke: currentColor",
            }[look]
            body.append(
                f"<rect {_attrs(x=LABEL, y=_f(y), width=_f(width), height=BAR, style=style)} "
                f'class="bar bar--{look}" data-value="{bar.value}"/>'
            )
            end = x(bar.value)
            if bar.low is not None and bar.high is not None:
                lo, hi = x(bar.low), x(bar.high)
                # Built apart, not nested in one f-string: Python 3.11 (Debian 12's) reads no quotes reused inside.
                whisker = (
                    f"M{_f(lo)} {_f(middle)}H{_f(hi)}M{_f(lo)} {_f(middle - 5)}V{_f(middle + 5)}"
                    f"M{_f(hi)} {_f(middle - 5)}V{_f(middle + 5)}"
                )
                attrs = _attrs(d=whisker, stroke="currentColor", stroke_width=1.5, fill="none")
                body.append(f'<path {attrs} class="range"/>')
                end = max(end, hi)
            value = f"{number(bar.value, digits)} {unit}"
            body.append(f'<text {_attrs(x=_f(end + 5), y=_f(middle + 4.5))} class="value">{html.escape(value)}</text>')
            y += BAR + GAP
        y += AFTER_GROUP
    height = round(y)
    description = describe(groups, unit, digits)
    pattern = _attrs(id=ids["hatch"], width=6, height=6, patternUnits="userSpaceOnUse", patternTransform="rotate(45)")
    svg = _attrs(viewBox=f"0 0 {WIDTH} {height}", width="100%", role="img")
    hatch = f'<defs><pattern {pattern}><path d="M0 0V6" stroke="currentColor" stroke-width="2.5"/></pattern></defs>'
    caption = html.escape(title) + (". " + html.escape(note) if note else "")
    return (
        f'<figure class="chart" id="{html.escape(chart_id)}">'
        # The bars' labels stay out of the search index (macros/search.py): the caption says it.
        f'<svg xmlns="http://www.w3.org/2000/svg" data-search-exclude="" {svg} '
        f'aria-labelledby="{ids["title"]} {ids["desc"]}" '
        f'style="max-width: 30rem; height: auto; overflow: visible; fill: currentColor; font-size: {FONT}px">'
        f'<title id="{ids["title"]}">{html.escape(title)}</title>'
        f'<desc id="{ids["desc"]}">{html.escape(description)}</desc>'
        f"{hatch}{''.join(body)}</svg>"
        f"<figcaption>{caption}</figcaption></figure>"
    )

"""The SVG bar chart: a pure function, checked without a site build.

Bars are proportional to their values, every bar has its name and value as
text, the SVG states every number in its title and description, and every
colour comes from the page (currentColor or a Material CSS variable), so the
chart follows the light and the dark scheme.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.charts import LABEL, PLOT, Bar, Group, bar_chart, describe

SVG = "{http://www.w3.org/2000/svg}"
GROUPS = (
    Group("Plain text", (Bar("Flask", 100, 90, 120), Bar("Django", 50, 45, 60))),
    Group("JSON", (Bar("Flask", 25, 20, 30), Bar("Django", 200, 150, 240))),
)


def parse(html: str) -> ET.Element:
    return ET.fromstring(html)


def svg_of(figure: ET.Element) -> ET.Element:
    return figure.find(f"{SVG}svg")


def rects(figure: ET.Element) -> list[ET.Element]:
    return list(svg_of(figure).iter(f"{SVG}rect"))


def test_the_chart_is_a_figure_with_an_svg_and_a_caption():
    figure = parse(bar_chart("chart-x", "Requests per second", GROUPS, "req/s", note="Lines show the runs."))
    assert figure.tag == "figure" and figure.get("id") == "chart-x" and figure.get("class") == "chart"
    assert svg_of(figure) is not None
    assert figure.find("figcaption").text == "Requests per second. Lines show the runs."


def test_bar_lengths_are_proportional_to_the_values():
    figure = parse(bar_chart("c", "T", GROUPS, "ms"))
    widths = {float(r.get("data-value")): float(r.get("width")) for r in rects(figure)}
    assert set(widths) == {100, 50, 25, 200}
    per_unit = {w / v for v, w in widths.items()}
    assert max(per_unit) - min(per_unit) < 0.01  # one scale for every bar
    # The longest whisker (240) spans the whole plot; the bars start at the label column.
    assert widths[200] == pytest.approx(200 / 240 * PLOT, abs=0.1)
    assert {float(r.get("x")) for r in rects(figure)} == {LABEL}


def test_range_lines_run_from_the_lowest_to_the_highest_run():
    figure = parse(bar_chart("c", "T", GROUPS[:1], "ms"))
    paths = [p for p in svg_of(figure).iter(f"{SVG}path") if p.get("class") == "range"]
    assert len(paths) == 2
    starts_ends = [tuple(float(n) for n in re.match(r"M([\d.]+) [\d.]+H([\d.]+)", p.get("d")).groups()) for p in paths]
    scale = PLOT / 120  # the largest value drawn is Flask's highest run
    assert starts_ends[0] == pytest.approx((LABEL + 90 * scale, LABEL + 120 * scale), abs=0.1)
    assert starts_ends[1] == pytest.approx((LABEL + 45 * scale, LABEL + 60 * scale), abs=0.1)
    # A bar without a range gets no line.
    plain = parse(bar_chart("c", "T", (Group("G", (Bar("Flask", 3),)),), "MiB"))
    assert not [p for p in svg_of(plain).iter(f"{SVG}path") if p.get("class") == "range"]


def test_every_bar_has_its_name_and_value_as_text():
    figure = parse(bar_chart("c", "T", GROUPS, "req/s", digits=0))
    texts = [t.text for t in svg_of(figure).iter(f"{SVG}text")]
    assert texts.count("Flask") == 2 and texts.count("Django") == 2
    assert {"Plain text", "JSON"} <= set(texts)
    assert {"100 req/s", "50 req/s", "25 req/s", "200 req/s"} <= set(texts)


def test_the_text_alternative_states_every_number():
    figure = parse(bar_chart("chart-a", "Start-up time", GROUPS, "ms"))
    svg = svg_of(figure)
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    found = {el.get("id"): el.text for el in svg if el.get("id")}
    assert ids == ["chart-a-title", "chart-a-desc"] and set(ids) <= set(found)
    assert found["chart-a-title"] == "Start-up time"
    assert (
        found["chart-a-desc"]
        == describe(GROUPS, "ms")
        == (
            "Plain text: Flask 100 ms (runs from 90 to 120), Django 50 ms (runs from 45 to 60). "
            "JSON: Flask 25 ms (runs from 20 to 30), Django 200 ms (runs from 150 to 240)."
        )
    )


PAINT = re.compile(r"(fill|stroke)\s*:\s*([^;]+)")


def paints(figure: ET.Element) -> list[str]:
    """Every fill and stroke the chart sets, as attribute or inline style."""
    found = []
    for el in figure.iter():
        for name in ("fill", "stroke"):
            if el.get(name):
                found.append(el.get(name))
        found += [value.strip() for _, value in PAINT.findall(el.get("style") or "")]
    return found


def test_colours_come_from_the_theme_so_both_schemes_work():
    figure = parse(bar_chart("c", "T", GROUPS, "ms"))
    allowed = re.compile(r"^(currentColor|none|url\(#c-hatch\)|var\(--md-[a-z-]+(, #[0-9a-f]{6})?\))$")
    assert [p for p in paints(figure) if not allowed.match(p)] == []
    # Text inherits the page's text colour (currentColor on the svg), in light and dark alike.
    assert "fill: currentColor" in svg_of(figure).get("style")
    # The two frameworks differ by shape, not only by colour: a solid bar and a hatched one.
    looks = [r.get("class") for r in rects(figure)]
    assert looks == ["bar bar--solid", "bar bar--hatched"] * 2
    assert svg_of(figure).find(f"{SVG}defs/{SVG}pattern").get("id") == "c-hatch"


def test_it_fits_a_375px_screen_with_readable_text():
    svg = svg_of(parse(bar_chart("c", "T", GROUPS, "ms")))
    width = float(svg.get("viewBox").split()[2])
    # Drawn about as wide as a phone's text column, so 13-unit text stays near 13 px.
    assert width <= 375 and svg.get("width") == "100%"
    assert "font-size: 13px" in svg.get("style")


def test_labels_are_escaped_and_ids_follow_the_chart():
    html = bar_chart("chart-b", "A <b>title</b> & more", (Group("<G>", (Bar("F&co", 1),)),), "ms")
    figure = parse(html)
    assert "<b>" not in html and figure.find("figcaption").text == "A <b>title</b> & more"
    assert [t.text for t in svg_of(figure).iter(f"{SVG}text")][:2] == ["<G>", "F&co"]
    assert 'id="chart-b-hatch"' in html and "url(#chart-b-hatch)" not in html  # one bar: solid only


@pytest.mark.parametrize("groups", [(), (Group("empty", ()),), (Group("G", (Bar("F", -1),)),)])
def test_bad_input_is_refused_with_the_chart_named(groups):
    with pytest.raises(ValueError, match="chart 'c'"):
        bar_chart("c", "T", groups, "ms")


def test_all_zero_values_draw_empty_bars_instead_of_failing():
    figure = parse(bar_chart("c", "T", (Group("G", (Bar("F", 0), Bar("D", 0))),), "ms"))
    assert [r.get("width") for r in rects(figure)] == ["0", "0"]

"""Every page, as a reader sees it on a phone (375 px) and a desktop (1280 px), light and dark.

One browser context per width and one tab that visits every page of the
sitemap in turn; on each page one script (layout.js) measures everything the
tests below assert, once in the light scheme and once in the dark (the system
preference switched on the same load), so each page loads twice in all:

- nothing reaches past the page's edges unless a scroll container holds it,
  and every container that scrolls sideways shows a shadow at the edge that
  has more, and takes the keyboard (and, for a table, has a name);
- no text spills out of its table cell;
- every diagram's text renders at 11 px or more, inside its box, on a
  background that follows the colour scheme with readable contrast;
- no abbreviation is underlined in a heading or the page title;
- focusing any control a keyboard reaches draws an outline or a box shadow.

The phone views also save a screenshot of every page (JPEG, the whole page)
into SCREENSHOTS_DIR (default: screenshots/ in the repository), which the
checks workflow uploads as an artifact for reviewers.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from tests.browser.conftest import wait_ready
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

LAYOUT_JS = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")
# Each width is one browser context; both colour schemes are measured on the
# same load (the system preference switched, which Material follows).
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWS = [f"{width}-{scheme}" for width in WIDTHS for scheme in SCHEMES]


def screenshots_dir() -> Path:
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "screenshots")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def shot_name(path: str, view: str) -> str:
    return f"{path.strip('/').replace('/', '_') or 'home'}-{view}.jpg"


@pytest.fixture(scope="module")
def layout(browser, site_url, site_pages) -> dict[str, dict[str, dict]]:
    """view ("phone-dark") -> page -> what layout.js found there.

    Kept quick (about a minute and a half for 36 pages on two cores): each page
    loads once per width and is measured in the scheme it loaded in, then in
    the other, so the schemes alternate from page to page and no switch is
    wasted; the header, navigation and footer, the same on every page, have
    their focus checked on the first page of each view only.
    """
    shots = screenshots_dir()
    found: dict[str, dict[str, dict]] = {view: {} for view in VIEWS}
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
        context.set_default_timeout(15_000)
        order = list(SCHEMES)
        seen: set[str] = set()
        try:
            page = context.new_page()
            for path in site_pages:
                page.goto(site_url + path)
                wait_ready(page)
                # A key press first: focus moved by script after it shows as keyboard focus (:focus-visible).
                page.keyboard.press("Tab")
                for scheme in order:
                    view = f"{width_name}-{scheme}"
                    page.emulate_media(color_scheme=scheme)
                    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
                    found[view][path or "(home)"] = page.evaluate(LAYOUT_JS, {"chrome": view not in seen})
                    seen.add(view)
                    if width_name == "phone":
                        page.evaluate("() => window.scrollTo(0, 0)")
                        page.screenshot(path=shots / shot_name(path, view), full_page=True, type="jpeg", quality=70)
                order.reverse()  # the next page loads in the scheme this one ended in
        finally:
            context.close()
    return found


def problems(layout, key: str, views=VIEWS) -> dict[str, list[str]]:
    return {f"{view} {path}": result[key] for view in views for path, result in layout[view].items() if result[key]}


def test_the_sweep_measured_every_page_in_every_view(layout, site_pages):
    for view in VIEWS:
        assert len(layout[view]) == len(site_pages)
        first, *rest = layout[view].values()
        assert first["counts"]["controls"] > 20, f"{view}: the header's and navigation's controls were not found"
        assert sum(r["counts"]["controls"] for r in rest) > 10 * len(rest), (
            f"{view}: the pages' controls were not found"
        )
    # Things the other tests look at exist, so an empty list means something.
    assert sum(r["counts"]["scrollers"] for r in layout["phone-light"].values()) > 10
    assert sum(r["counts"]["diagrams"] for r in layout["phone-dark"].values()) >= 3


def test_nothing_overflows_the_page_sideways(layout):
    assert problems(layout, "overflow") == {}


def test_every_sideways_scroller_shows_it_scrolls_and_takes_the_keyboard(layout):
    assert problems(layout, "scrollers") == {}


def test_no_text_spills_out_of_a_table_cell(layout):
    assert problems(layout, "cells") == {}


def test_diagram_text_renders_at_11_px_or_more(layout):
    assert problems(layout, "diagramText") == {}


def test_diagram_text_stays_inside_its_box(layout):
    assert problems(layout, "diagramClip") == {}


def test_diagrams_follow_the_colour_scheme(layout):
    assert problems(layout, "diagramScheme") == {}


def test_no_abbreviation_is_underlined_in_a_heading(layout):
    assert problems(layout, "abbr") == {}


def test_code_fits_its_box_side_by_side_at_1280_px(layout):
    """With Flask beside Django (the header's toggle), no code block scrolls sideways."""
    assert sum(r["counts"]["code"] for r in layout["desktop-light"].values()) > 100
    assert problems(layout, "codeSideBySide", ["desktop-light"]) == {}


def test_code_fits_its_box_in_tabs_at_1280_px(layout):
    assert problems(layout, "codeTabs", ["desktop-light"]) == {}


def test_every_cookbook_page_shows_its_code_pair_on_the_first_1280_px_screen(layout):
    """Answers first (issue 23): after the one-sentence answer, the Flask/Django pair, then the rest."""
    pages = {
        f"desktop-light {path}": result["firstPair"]
        for path, result in layout["desktop-light"].items()
        if path.startswith("cookbook/") and path != "cookbook/"
    }
    assert len(pages) > 20
    assert {page: found for page, found in pages.items() if found} == {}


def test_a_page_with_charts_shows_the_first_within_two_screens(layout):
    """Answers first (issue 23): figures and charts open the page; the method follows."""
    assert sum(r["counts"]["charts"] for r in layout["phone-light"].values()) >= 5
    assert problems(layout, "firstChart") == {}


def test_the_header_title_is_never_cut(layout):
    assert problems(layout, "title") == {}


def test_no_copy_button_covers_the_code(layout):
    assert problems(layout, "copy") == {}


def test_focus_is_visible_on_every_control(layout):
    assert problems(layout, "focus") == {}


# A table too wide for a phone --------------------------------------------------


def png_rows(png: bytes) -> list[list[tuple[int, ...]]]:
    """Pixels of an 8-bit RGB or RGBA PNG, as Chromium writes screenshots (no palette, no interlace)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        data = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            step = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * step, [], bytearray(width * step)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = prev[i], prev[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, step)])
        prev = line
    return rows


def edge_brightness(page, selector: str) -> tuple[float, float]:
    """Mean brightness (0-255) of the leftmost and rightmost 4 px of the element, as drawn."""
    rows = png_rows(page.locator(selector).screenshot(type="png"))
    mean = lambda cols: sum(sum(px) / 3 for row in rows for px in row[cols]) / (len(rows) * 4)  # noqa: E731
    return mean(slice(0, 4)), mean(slice(-4, None))


WIDE = "article .md-typeset__scrollwrap"


def test_a_table_too_wide_for_a_phone_shows_it_scrolls_and_takes_the_keyboard(new_context, site_url):
    """A cell holding something wider than the screen: the table then scrolls inside its wrapper,
    which shades the edge with more to show, becomes a named region in the tab order, and scrolls
    with the arrow keys. (The site's own tables fit a phone, so one is widened here.)"""
    context = new_context(viewport={"width": 375, "height": 812}, color_scheme="light")
    page = context.new_page()
    page.goto(site_url + "cookbook/database/")
    wait_ready(page)
    wrap = page.locator(WIDE).first
    assert wrap.get_attribute("role") is None, "a table that fits is not a tab stop"
    wrap.evaluate(
        "w => w.querySelector('td').insertAdjacentHTML('beforeend', "
        "'<span style=\"display: inline-block; width: 40rem\">wide</span>')"
    )
    page.wait_for_function("w => w.getAttribute('role') === 'region'", arg=wrap.element_handle())
    assert wrap.get_attribute("tabindex") == "0"
    assert wrap.get_attribute("aria-label") == "Table: Database, ORM and migrations, scrolls sideways"

    left, right = edge_brightness(page, f"{WIDE} >> nth=0")
    assert left > 250 and right < left - 8, f"light: no shadow at the right edge (left {left:.0f}, right {right:.0f})"

    wrap.focus()
    assert wrap.evaluate("w => w.matches(':focus-visible') || getComputedStyle(w).outlineStyle !== 'none'")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("w => w.scrollLeft > 0", arg=wrap.element_handle())
    left, right = edge_brightness(page, f"{WIDE} >> nth=0")
    assert left < 247, f"light: scrolled to the end, yet no shadow at the left edge ({left:.0f})"

    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    wrap.evaluate("w => { w.scrollLeft = 0 }")
    left, right = edge_brightness(page, f"{WIDE} >> nth=0")
    assert right > left + 8, f"dark: no shadow at the right edge (left {left:.0f}, right {right:.0f})"

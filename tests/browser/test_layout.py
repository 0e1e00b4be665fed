"""Every page of the built site, as a reader sees it on a phone (375 px) and a desktop (1280 px), light and dark.

One browser context per width visits every page of the sitemap, each in a new
tab (conftest.py's record_load; at 1280 px with the HTTP cache bypassed, so
each load is a reader's first visit), and everything
the tests below assert is read from that one load, once in the light scheme
and once in the dark (the system preference switched, which Material follows):

- the load: no console error and no request to another host; at 1280 px, the
  bytes and requests it took, within the budgets set by a bare Material page
  built from the same theme version and measured the same way;
- at 1280 px, axe-core in both schemes, with the tab sets and the header's
  toggle also side by side (the rest of the page is the same in both
  modes), a text alternative on every image, and side by side itself: every
  tab set shows both frameworks beside each other, each a named group;
- one script, layout.js: nothing reaches past the page's edges unless a
  scroll container holds it, and every container that scrolls sideways shows
  a shadow at the edge that has more and takes the keyboard (and, for a
  table, has a name); no text spills out of its table cell; every diagram's
  text renders at 11 px or more, inside its box, on a background that follows
  the colour scheme with readable contrast; every chart stays inside the
  article and its bars keep 3:1 contrast; no abbreviation is underlined in
  a heading; code fits its box at 1280 px; the first code pair and the first
  chart open the page; focusing any control a keyboard reaches draws an
  outline or a box shadow.

On Zensical's build all of it is read on one page of each kind (conftest.py's
visited_pages: a topic's page, a section's index, a page with tables, charts,
a form...), as the theme around the content is what differs from MkDocs's
build; under `--topic`, on the home page and the topic's. The phone
views of MkDocs's build (what Pages publishes) also save a screenshot of every
page (JPEG, the whole page) into SCREENSHOTS_DIR when it is set: the checks
workflow sets it and uploads the folder as an artifact for reviewers. Elsewhere
nobody looks at them, and they cost the sweep about 20 s.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.conftest import (
    INDEX_FILE,
    TOGGLE,
    Load,
    axe_violations,
    describe,
    kind_of,
    open_folds,
    press_toggle,
    record_load,
    tab_sets,
    wait_ready,
)
from tests.conftest import ROOT, ZENSICAL_ASSETS, build_zensical, mkdocs_only
from tools import bench, serve

pytestmark = pytest.mark.browser

LAYOUT_JS = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWS = [f"{width}-{scheme}" for width in WIDTHS for scheme in SCHEMES]

# Budget rules (deterministic: the server's gzip output is byte-stable, and
# every load is cold), against a bare one-page Material site with the site's
# light and dark palette (tools/bench.py write_bare_project):
# - Transfer: a page may weigh what the bare page's CSS and JS weigh, plus its
#   own HTML, plus a stylesheet or script of its own that no other page loads
#   (home.css on the home page, decision.js on "How to choose"), plus 4 KiB
#   for what the site adds to every page (extra.css and site.js, served
#   without comments: macros/assets.py). It was 2 KiB until site.js took on
#   the side-by-side toggle (issue 23), the code blocks that content.lazy
#   leaves out of the tab order and the stop words of Zensical's queries
#   (issue 25). The search index is not part of a first visit: it loads when
#   the reader opens search (test_no_page_downloads_the_search_index_...), and
#   tests/site/test_search_index.py holds its size.
SITE_ALLOWANCE = 4 * 1024
# - HTML, as a check on the templates: the bare page's HTML plus 10%, plus the
#   gzip size of the page's own article (text and code a one-paragraph page
#   does not have), plus 4.5 KiB for the header tabs and navigation of a site
#   with more than one page, the side-by-side choice applied in <head>, and
#   the facts and "Copy page" script under each page (issues 23 and 24: 4 KiB
#   held until both came in, when "How to choose" went 33 B over).
HTML_HEADROOM = 0.10
NAV_ALLOWANCE = 4608
# - Requests: the bare page's, plus one each for extra.css, site.js, the logo,
#   the sitemap.xml that instant navigation reads, and a page's own stylesheet
#   or script where it has one; plus one per image in the page's article.
EXTRA_REQUESTS = 5


# What side by side changes (the header's toggle, site.js): the tab sets and the toggle.
SIDE_BY_SIDE_PARTS = ["article .tabbed-set", ".sbs-toggle"]

IMAGES_WITHOUT_ALT = """() => [...document.querySelectorAll('img, svg[role="img"], [role="img"]')]
  .filter(el => el.tagName === 'IMG' ? !el.hasAttribute('alt')
                : !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.querySelector('title')))
  .map(el => el.outerHTML.slice(0, 120))"""

ARTICLE_HTML = "() => document.querySelector('article.md-content__inner')?.outerHTML ?? ''"


@dataclass
class Sweep:
    layout: dict[str, dict[str, dict]] = field(default_factory=dict)  # view -> page -> what layout.js found
    loads: dict[str, dict[str, Load]] = field(default_factory=dict)  # width -> page -> its load
    axe: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # page -> "light", "dark sbs", ... -> found
    article_gzip: dict[str, int] = field(default_factory=dict)
    article_images: dict[str, int] = field(default_factory=dict)
    images_without_alt: dict[str, list[str]] = field(default_factory=dict)
    side_by_side: dict[str, list[str]] = field(default_factory=dict)  # page -> what is amiss side by side


def screenshots_dir() -> Path | None:
    """SCREENSHOTS_DIR emptied, or None when it is not set (no screenshots)."""
    if not os.environ.get("SCREENSHOTS_DIR"):
        return None
    folder = ROOT / os.environ["SCREENSHOTS_DIR"]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def shot_name(path: str, view: str) -> str:
    return f"{path.strip('/').replace('/', '_') or 'home'}-{view}.jpg"


def set_scheme(page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])


STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def read_axe(page, scheme: str) -> dict[str, list[dict]]:
    """axe on the whole page in tabs, then on what side by side changes, with it on (where the page has tab sets)."""
    found = {scheme: axe_violations(page)}
    if page.locator(TOGGLE).is_visible():
        press_toggle(page, "true")
        found[f"{scheme} side by side"] = axe_violations(page, SIDE_BY_SIDE_PARTS)
        press_toggle(page, "false")
    return found


def side_by_side(page) -> list[str]:
    """What is amiss with the page's tab sets once the toggle is pressed (folds opened: a tab set may sit in one):
    each shows both panels beside each other, named after their frameworks, no radio in the tab order, no code
    scrolling sideways, neither label looking chosen, each Run it step level with the other framework's; and the
    toggle shows where there are tab sets, and only there."""
    sets = page.locator("article .tabbed-set").count()
    if not page.locator(TOGGLE).is_visible():
        return [f"{sets} tab set(s) and no side-by-side toggle"] if sets else []
    if not sets:
        return ["the toggle shows on a page with no tab set"]
    open_folds(page)
    press_toggle(page, "true")
    found = []
    for n, s in enumerate(tab_sets(page), 1):
        where = f"tab set {n} {s['labels']}"
        if s["shown"] != 2 or not s["beside"]:
            found.append(f"{where}: side by side shows {s['shown']} panel(s), beside: {s['beside']}")
        if s["names"] != s["labels"]:
            found.append(f"{where}: the columns are named {s['names']}")
        if s["radios"]:
            found.append(f"{where}: {s['radios']} tab radio(s) still in the tab order")
        if s["wide"]:
            found.append(f"{where}: code scrolls sideways in {s['wide']}")
        if s["chosen"]:
            found.append(f"{where}: one label still looks like the chosen tab")
        if s["unlevel"]:
            found.append(f"{where}: Run it steps {s['unlevel']} do not start level with the other framework's")
    press_toggle(page, "false")
    return found


@pytest.fixture(scope="module")
def sweep(browser, site_url, visited_pages, built_site) -> Sweep:
    """Each page loaded once per width and read in the scheme it loaded in (light), then in the dark.

    The header, navigation and footer, the same on every page, have their focus
    checked on the first page of each view only.
    """
    shots = screenshots_dir() if built_site.engine == "mkdocs" else None
    found = Sweep(layout={view: {} for view in VIEWS})
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
        context.set_default_timeout(15_000)
        loads = found.loads[width_name] = {}
        try:
            for n, path in enumerate(visited_pages):
                where = path or "(home)"
                read_all = width_name == "desktop"
                page, loads[where] = record_load(context, site_url, path, cold=read_all)
                # Every control in its final state: axe and the rules read colours mid-fade otherwise
                # (the skip link the key press below shows, fading in on Zensical's theme).
                page.add_style_tag(content=STILL)
                # A key press first: focus moved by script after it shows as keyboard focus (:focus-visible).
                page.keyboard.press("Tab")
                for scheme in SCHEMES:
                    view = f"{width_name}-{scheme}"
                    if scheme != "light":
                        set_scheme(page, scheme)
                    if read_all:
                        found.axe.setdefault(where, {}).update(read_axe(page, scheme))
                    found.layout[view][where] = page.evaluate(LAYOUT_JS, {"chrome": n == 0})
                    if shots and width_name == "phone":
                        page.evaluate("() => window.scrollTo(0, 0)")
                        page.screenshot(path=shots / shot_name(path, view), full_page=True, type="jpeg", quality=70)
                if read_all:
                    found.images_without_alt[where] = page.evaluate(IMAGES_WITHOUT_ALT)
                    found.article_gzip[where] = len(gzip.compress(page.evaluate(ARTICLE_HTML).encode(), 9))
                    found.article_images[where] = page.locator("article.md-content__inner img").count()
                    found.side_by_side[where] = side_by_side(page)  # last: it opens the folds
                page.close()
        finally:
            context.close()
    return found


@pytest.fixture(scope="module")
def bare_load(browser, built_site, tmp_path_factory) -> Load:
    """A bare page of the same theme version, built by the same engine and loaded like ours."""
    tmp = tmp_path_factory.mktemp("bare")
    project = bench.write_bare_project(tmp / "project")
    if built_site.engine == "zensical":  # its theme's own scripts weigh more than Material's
        bare = build_zensical(project)
        assert bare.returncode == 0, bare.output
        site = bare.site
    else:
        site = tmp / "site"
        bench.build(project, site)
    server, url = serve.start(site, prefix=bench.PREFIX)
    context = browser.new_context()
    try:
        page, load = record_load(context, url, "")
        page.close()
        return load
    finally:
        context.close()
        serve.stop(server)


def problems(sweep, key: str, views=VIEWS) -> dict[str, list[str]]:
    return {
        f"{view} {path}": result[key] for view in views for path, result in sweep.layout[view].items() if result[key]
    }


def test_the_sweep_saw_every_page_in_every_view(sweep, site_pages, visited_pages):
    pages = {path or "(home)" for path in visited_pages}
    for view in VIEWS:
        assert set(sweep.layout[view]) == pages
        first, *rest = sweep.layout[view].values()
        assert first["counts"]["controls"] > 20, f"{view}: the header's and navigation's controls were not found"
        assert sum(r["counts"]["controls"] for r in rest) > 10 * len(rest), (
            f"{view}: the pages' controls were not found"
        )
    assert set(sweep.axe) == pages
    for path in pages:
        assert sweep.loads["desktop"][path].bytes_by_kind.get("html"), f"{path} sent no HTML"
    if visited_pages == site_pages:  # Things the other tests look at exist, so an empty list means something.
        counts = {view: Counter() for view in VIEWS}
        for view, results in sweep.layout.items():
            for result in results.values():
                counts[view].update(result["counts"])
        assert sum(f"{scheme} side by side" in found for found in sweep.axe.values() for scheme in SCHEMES) > 10
        assert counts["phone-light"]["scrollers"] > 10
        assert counts["phone-dark"]["diagrams"] >= 3
        assert counts["phone-light"]["charts"] >= 5
        assert counts["desktop-light"]["code"] > 100
        assert sum(path.startswith("cookbook/") for path in sweep.layout["desktop-light"]) > 20


# The load ----------------------------------------------------------------------


def on_every_load(sweep, what) -> dict[str, list[str]]:
    return {
        f"{width} {path}": what(load)
        for width, loads in sweep.loads.items()
        for path, load in loads.items()
        if what(load)
    }


def test_no_console_errors(sweep):
    assert on_every_load(sweep, lambda load: load.console_errors) == {}


def test_no_request_leaves_the_local_server(sweep):
    assert on_every_load(sweep, lambda load: load.foreign) == {}


def test_no_page_downloads_the_search_index_before_search_is_opened(sweep, site_url, built_site):
    """The index (about 36 KiB gzipped) is held until the reader opens search (overrides/main.html);
    tests/browser/test_interactions.py opens it and sees it come."""
    index = site_url + INDEX_FILE[built_site.engine]
    assert on_every_load(sweep, lambda load: [u for u in load.requests if u.split("?")[0] == index]) == {}


def test_axe_finds_nothing_in_either_scheme_in_tabs_or_side_by_side(sweep):
    found = {f"{path} {how}": describe(v) for path, runs in sweep.axe.items() for how, v in runs.items() if v}
    assert found == {}


def test_the_toggle_shows_both_frameworks_beside_in_every_tab_set(sweep):
    assert {path: found for path, found in sweep.side_by_side.items() if found} == {}


def test_every_image_has_a_text_alternative(sweep):
    assert {path: found for path, found in sweep.images_without_alt.items() if found} == {}


# What a first visit weighs (1280 px, the pages axe reads) ------------------------


def budgeted(sweep) -> dict[str, Load]:
    return {path: load for path, load in sweep.loads["desktop"].items() if path in sweep.axe}


def css_js(load: Load) -> dict[str, int]:
    return {u: n for u, n in load.bytes_by_url.items() if kind_of(u, "") in ("css", "js")}


def test_transfer_per_page_stays_within_bare_material_plus_its_own_html_plus_allowance(sweep, bare_load, built_site):
    mkdocs_only(built_site, ZENSICAL_ASSETS)
    bare = bare_load.bytes_by_kind["css"] + bare_load.bytes_by_kind["js"]
    loads = budgeted(sweep)
    # The CSS and JS files every page loads.
    shared = set.intersection(*(set(css_js(load)) for load in loads.values()))
    over = {}
    for path, load in loads.items():
        html, assets = load.bytes_by_kind.get("html", 0), css_js(load)
        own = {u: n for u, n in assets.items() if u not in shared}
        budget = bare + html + sum(own.values()) + SITE_ALLOWANCE
        if html + sum(assets.values()) > budget:
            site_wide = sum(n for u, n in assets.items() if u in shared) - bare
            over[path] = (
                f"{html + sum(assets.values())} B > {budget} B: the site adds {site_wide} B of CSS and JS to bare "
                f"Material's {bare} B, over {SITE_ALLOWANCE} B; own: {own}"
            )
    assert over == {}


def test_a_page_of_its_own_loads_its_own_assets_and_no_other_page_does(sweep):
    """home.css and decision.js travel only with their page, so other pages never pay for them."""
    own = {"home.css": "(home)", "decision.js": "choosing/decision/"}
    loaded_by: dict[str, list[str]] = {}
    for path, load in budgeted(sweep).items():
        for url in load.bytes_by_url:
            if url.endswith(tuple("/" + name for name in own)):
                loaded_by.setdefault(url.rsplit("/", 1)[1], []).append(path)
    assert loaded_by == {name: [page] for name, page in own.items() if page in budgeted(sweep)}


def test_html_per_page_stays_within_budget_of_bare_material(sweep, bare_load):
    bare = bare_load.bytes_by_kind["html"]
    over = {}
    for path, load in budgeted(sweep).items():
        budget = bare * (1 + HTML_HEADROOM) + sweep.article_gzip[path] + NAV_ALLOWANCE
        if load.bytes_by_kind.get("html", 0) > budget:
            over[path] = (
                f"{load.bytes_by_kind['html']} B > {budget:.0f} B (bare {bare} B, article {sweep.article_gzip[path]} B)"
            )
    assert over == {}


def test_request_count_per_page_stays_within_budget(sweep, bare_load):
    over = {}
    for path, load in budgeted(sweep).items():
        budget = len(bare_load.requests) + EXTRA_REQUESTS + sweep.article_images[path]
        if len(load.requests) > budget:
            over[path] = f"{len(load.requests)} > {budget}: {load.requests}"
    assert over == {}, f"bare Material page: {bare_load.requests}"


# The layout (layout.js) ------------------------------------------------------------

# Each rule of layout.js, read on every page in every view, and what it holds.
LAYOUT_RULES = {
    "overflow": "nothing overflows the page sideways",
    "scrollers": "every sideways scroller shows it scrolls and takes the keyboard",
    "cells": "no text spills out of a table cell",
    "diagramText": "diagram text renders at 11 px or more",
    "diagramClip": "diagram text stays inside its box, and each chart inside the article",
    "diagramScheme": "diagrams follow the colour scheme with readable text and bars",
    "abbr": "no abbreviation is underlined in a heading",
    "title": "the header title is never cut",
    "copy": "no copy button covers the code",
    "focus": "focus is visible on every control",
}


@pytest.mark.parametrize("rule", LAYOUT_RULES)
def test_every_page_keeps_each_layout_rule(sweep, rule):
    assert problems(sweep, rule) == {}, LAYOUT_RULES[rule]


def test_code_fits_its_box_in_tabs_at_1280_px(sweep):
    assert problems(sweep, "codeTabs", ["desktop-light"]) == {}


def test_code_fits_its_box_side_by_side_at_1280_px(sweep):
    """With Flask beside Django (the header's toggle), no code block scrolls sideways."""
    assert problems(sweep, "codeSideBySide", ["desktop-light"]) == {}


def test_every_cookbook_page_shows_its_code_pair_on_the_first_1280_px_screen(sweep):
    """Answers first (issue 23): after the one-sentence answer, the Flask/Django pair, then the rest."""
    pages = {
        f"desktop-light {path}": result["firstPair"]
        for path, result in sweep.layout["desktop-light"].items()
        if path.startswith("cookbook/") and path != "cookbook/"
    }
    assert {page: found for page, found in pages.items() if found} == {}


def test_a_page_with_charts_shows_the_first_within_two_screens(sweep):
    """Answers first (issue 23): figures and charts open the page; the method follows."""
    assert problems(sweep, "firstChart") == {}


def test_missing_page_answers_404_with_the_site_404_page(browser, site_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        response = page.goto(site_url + "no-such-page/")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("link", name="home page").count() == 1
        assert describe(axe_violations(page)) == []
    finally:
        context.close()


# A table too wide for a phone --------------------------------------------------


def edge_brightness(page, selector: str) -> tuple[float, float]:
    """Mean brightness (0-255) of the leftmost and rightmost 4 px of the element, as drawn."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(page.locator(selector).screenshot(type="png"))).convert("RGB")
    width, height = image.size
    mean = lambda box: sum(ImageStat.Stat(image.crop(box)).mean) / 3  # noqa: E731
    return mean((0, 0, 4, height)), mean((width - 4, 0, width, height))


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

"""Every page of the built site, loaded once in Chromium: errors, privacy, accessibility, weight.

One sweep visits each page (from sitemap.xml) with the HTTP cache bypassed, so
each load is a reader's first visit, and records what the tests below assert:
console errors, requests and the bytes they moved, axe-core results in the
light and the dark scheme, and the page's images. A bare Material page,
built from the same theme version in a temporary folder and measured the same
way, sets the weight and request budgets.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.browser.conftest import INDEX_FILE, Load, record_load
from tests.conftest import ZENSICAL_ASSETS, build_zensical, mkdocs_only
from tools import bench, serve

pytestmark = pytest.mark.browser

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


@dataclass
class Visit:
    load: Load
    article_gzip: int
    article_images: int
    axe_light: list[dict]
    axe_dark: list[dict]
    images_without_alt: list[str]


def axe_violations(page, include: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now, or only in the elements ``include``
    selects. axe (570 KB) is put into the page once, not once per run as Axe().run() does:
    the dark-scheme run on the same page reuses it, which saves seconds over the sweep."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)
    return page.evaluate(
        "include => axe.run(include ? { include } : document, { resultTypes: ['violations'] })", include
    )["violations"]


def describe(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations]


IMAGES_WITHOUT_ALT = """() => [...document.querySelectorAll('img, svg[role="img"], [role="img"]')]
  .filter(el => el.tagName === 'IMG' ? !el.hasAttribute('alt')
                : !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.querySelector('title')))
  .map(el => el.outerHTML.slice(0, 120))"""

ARTICLE_HTML = "() => document.querySelector('article.md-content__inner')?.outerHTML ?? ''"


def visit(context, site_url: str, path: str) -> Visit:
    import gzip

    page, load = record_load(context, site_url, path)
    try:
        light = axe_violations(page)
        images = page.evaluate(IMAGES_WITHOUT_ALT)
        article = len(gzip.compress(page.evaluate(ARTICLE_HTML).encode(), 9))
        article_images = page.locator("article.md-content__inner img").count()
        # The palette follows the system until a reader picks one: switch the
        # system to dark and wait for Material to apply its dark scheme.
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        dark = axe_violations(page)
    finally:
        page.close()
    return Visit(load, article, article_images, light, dark, images)


@pytest.fixture(scope="package")
def sweep(browser, site_url, visited_pages) -> dict[str, Visit]:
    context = browser.new_context(color_scheme="light")
    try:
        return {path: visit(context, site_url, path) for path in visited_pages}
    finally:
        context.close()


@pytest.fixture(scope="package")
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


def test_the_sweep_saw_every_page(sweep, site_pages, visited_pages, built_site):
    assert set(sweep) == set(visited_pages)
    # Every page on MkDocs's build; on Zensical's, one of each kind (tests/browser/conftest.py).
    assert set(visited_pages) == set(site_pages) if built_site.engine == "mkdocs" else len(visited_pages) >= 5
    for path, v in sweep.items():
        assert v.load.bytes_by_kind.get("html"), f"{path or 'home'} sent no HTML"


def test_no_console_errors(sweep):
    errors = {path or "(home)": v.load.console_errors for path, v in sweep.items() if v.load.console_errors}
    assert errors == {}


def test_no_request_leaves_the_local_server(sweep):
    foreign = {path or "(home)": v.load.foreign for path, v in sweep.items() if v.load.foreign}
    assert foreign == {}


def test_axe_finds_nothing_in_the_light_scheme(sweep):
    found = {path or "(home)": describe(v.axe_light) for path, v in sweep.items() if v.axe_light}
    assert found == {}


def test_axe_finds_nothing_in_the_dark_scheme(sweep):
    found = {path or "(home)": describe(v.axe_dark) for path, v in sweep.items() if v.axe_dark}
    assert found == {}


def test_every_image_has_a_text_alternative(sweep):
    missing = {path or "(home)": v.images_without_alt for path, v in sweep.items() if v.images_without_alt}
    assert missing == {}


def shared_assets(sweep) -> set[str]:
    """The CSS and JS files every page loads."""
    from tests.browser.conftest import kind_of

    sets = [{u for u in v.load.bytes_by_url if kind_of(u, "") in ("css", "js")} for v in sweep.values()]
    return set.intersection(*sets)


def test_transfer_per_page_stays_within_bare_material_plus_its_own_html_plus_allowance(sweep, bare_load, built_site):
    from tests.browser.conftest import kind_of

    mkdocs_only(built_site, ZENSICAL_ASSETS)

    bare = bare_load.bytes_by_kind["css"] + bare_load.bytes_by_kind["js"]
    shared = shared_assets(sweep)
    over = {}
    for path, v in sweep.items():
        got = v.load.bytes_by_kind
        css_js = {u: n for u, n in v.load.bytes_by_url.items() if kind_of(u, "") in ("css", "js")}
        own = {u: n for u, n in css_js.items() if u not in shared}
        budget = bare + got.get("html", 0) + sum(own.values()) + SITE_ALLOWANCE
        total = got.get("html", 0) + sum(css_js.values())
        if total > budget:
            site_wide = sum(n for u, n in css_js.items() if u in shared) - bare
            over[path or "(home)"] = (
                f"{total} B > {budget} B: the site adds {site_wide} B of CSS and JS to bare "
                f"Material's {bare} B, over {SITE_ALLOWANCE} B; own: {own}"
            )
    assert over == {}


def test_no_page_downloads_the_search_index_before_search_is_opened(sweep, site_url, built_site):
    """The index (about 36 KiB gzipped) is held until the reader opens search (overrides/main.html);
    tests/browser/test_interactions.py opens it and sees it come."""
    index = site_url + INDEX_FILE[built_site.engine]
    early = {path or "(home)": u for path, v in sweep.items() for u in v.load.requests if u.split("?")[0] == index}
    assert early == {}


def test_a_page_of_its_own_loads_its_own_assets_and_no_other_page_does(sweep):
    """home.css and decision.js travel only with their page, so other pages never pay for them."""
    loaded_by: dict[str, list[str]] = {}
    for path, v in sweep.items():
        for url in v.load.bytes_by_url:
            if url.endswith(("/home.css", "/decision.js")):
                loaded_by.setdefault(url.rsplit("/", 1)[1], []).append(path or "(home)")
    assert loaded_by == {"home.css": ["(home)"], "decision.js": ["choosing/decision/"]}


def test_html_per_page_stays_within_budget_of_bare_material(sweep, bare_load):
    bare = bare_load.bytes_by_kind
    over = {}
    for path, v in sweep.items():
        html_budget = bare["html"] * (1 + HTML_HEADROOM) + v.article_gzip + NAV_ALLOWANCE
        if v.load.bytes_by_kind.get("html", 0) > html_budget:
            over[path or "(home)"] = (
                f"{v.load.bytes_by_kind['html']} B > {html_budget:.0f} B "
                f"(bare {bare['html']} B, article {v.article_gzip} B)"
            )
    assert over == {}


def test_request_count_per_page_stays_within_budget(sweep, bare_load):
    over = {}
    for path, v in sweep.items():
        budget = len(bare_load.requests) + EXTRA_REQUESTS + v.article_images
        if len(v.load.requests) > budget:
            over[path or "(home)"] = f"{len(v.load.requests)} > {budget}: {v.load.requests}"
    assert over == {}, f"bare Material page: {bare_load.requests}"


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

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

from tests.browser.conftest import Load, record_load
from tests.conftest import build_zensical
from tools import bench, serve

pytestmark = pytest.mark.browser

# Budget rules (deterministic: the server's gzip output is byte-stable, and
# every load is cold), against a bare one-page Material site:
# - CSS + JS on the wire (shared by every page): at most 10% over bare Material.
#   Our palette stylesheet, extra.css, the site-wide script and a page's own
#   script must fit in that 10%.
# - HTML: the bare page's HTML plus 10%, plus the gzip size of the page's own
#   article (text and code a one-paragraph page does not have), plus 4 KiB for
#   the header tabs and navigation of a site with more than one page.
ASSET_HEADROOM = 0.10
NAV_ALLOWANCE = 4 * 1024
# - Requests: the bare page's, plus one each for the palette stylesheet,
#   extra.css, the logo, the site-wide search-options.js, the page's own
#   script where it has one (decision.js, on "How to choose" only) and the
#   sitemap.xml that instant navigation reads; plus one per image in the
#   page's article.
EXTRA_REQUESTS = 6


@dataclass
class Visit:
    load: Load
    article_gzip: int
    article_images: int
    axe_light: list[dict]
    axe_dark: list[dict]
    images_without_alt: list[str]


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


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


def test_transfer_per_page_stays_within_budget_of_bare_material(sweep, bare_load):
    bare = bare_load.bytes_by_kind
    asset_budget = (bare["css"] + bare["js"]) * (1 + ASSET_HEADROOM)
    over = {}
    for path, v in sweep.items():
        got = v.load.bytes_by_kind
        assets = got.get("css", 0) + got.get("js", 0)
        html_budget = bare["html"] * (1 + ASSET_HEADROOM) + v.article_gzip + NAV_ALLOWANCE
        if assets > asset_budget:
            over[f"{path or '(home)'} CSS+JS"] = f"{assets} B > {asset_budget:.0f} B (bare: {bare})"
        if got.get("html", 0) > html_budget:
            over[f"{path or '(home)'} HTML"] = (f"{got['html']} B > {html_budget:.0f} B "
                                                 f"(bare {bare['html']} B, article {v.article_gzip} B)")
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

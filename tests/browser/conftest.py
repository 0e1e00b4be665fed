"""Browser fixtures: the built site served like GitHub Pages, one Chromium per session.

Pages are discovered from the built site's sitemap.xml, never listed here, so a
page added by anyone is checked without touching these tests.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import SUBPATH
from tools import chromium, serve

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path(playwright) -> str:
    """The Chromium to drive (tools/chromium.py's order), or a failure that says how to get one."""
    found = chromium.find(playwright)
    if found is None:
        pytest.fail(f"{chromium.MISSING} (looked at {chromium.candidates(playwright)})", pytrace=False)
    return found


# The search index each engine's search downloads, from the site root (tests/conftest.py's
# search_index reads the same files): overrides/main.html holds it until search is opened.
INDEX_FILE = {"mkdocs": "search/search_index.json", "zensical": "search.json"}


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served under SUBPATH with gzip, on a free port, in a thread."""
    server, url = serve.start(built_site.site, prefix=SUBPATH)
    yield url
    serve.stop(server)


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every page of the site as a path relative to SUBPATH ('' is the home page), from sitemap.xml."""
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    pages = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(loc).path
        assert path.startswith(SUBPATH), f"sitemap entry outside {SUBPATH}: {loc}"
        pages.append(path[len(SUBPATH) :])
    assert pages, "sitemap.xml lists no page"
    return pages


# The engine branch of the page-by-page tests (the sweep, the tab clicking):
# on MkDocs's build they open every page; on Zensical's, the first page of each
# kind (a section's index or not, a cookbook topic's page or not, and which of
# tabs, tables, charts and forms its content holds). What differs between the
# engines is the theme around the content, the same on every page, and its
# scripts; the content itself is compared page by page in
# tests/site/test_engines.py. Every page twice would add minutes to `make test`
# and find nothing new.
KIND_MARKS = ('class="tabbed-set', "<table", 'role="img"', "<form", "<details")


def page_kind(site: Path, path: str) -> tuple:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    topic = path.startswith("cookbook/") and path != "cookbook/"
    return (path.count("/") <= 1, topic, *(mark in article for mark in KIND_MARKS))


@pytest.fixture(scope="session")
def swept_pages(request, site_pages) -> list[str]:
    """The pages the page-by-page tests open on MkDocs's build: every page; under ``--topic``
    (tests/conftest.py, `make test-topic`) the home page and the topic's own, so a new page
    gets the sweep's rules before `make test` sweeps the whole site. On Zensical's build,
    visited_pages narrows them to one page of each kind."""
    topic = request.config.getoption("topic")
    if not topic:
        return site_pages
    page = f"cookbook/{topic}/"
    assert page in site_pages, f"--topic {topic}: the built site has no {page} (sitemap.xml)"
    return ["", page]


@pytest.fixture(scope="session")
def visited_pages(built_site, swept_pages, site_pages) -> list[str]:
    """The pages the page-by-page tests open: all of them, or on Zensical one of each kind;
    under ``--topic``, the swept ones on either engine."""
    if built_site.engine != "zensical" or swept_pages != site_pages:
        return swept_pages
    first: dict[tuple, str] = {}
    for path in site_pages:
        first.setdefault(page_kind(built_site.site, path), path)
    return list(first.values())


# Package scope, not session: Playwright's sync API keeps an event loop running
# in the main thread while it is open, which would break the async example
# tests that run after this folder.
@pytest.fixture(scope="package")
def playwright_session():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(playwright_session):
    browser = playwright_session.chromium.launch(
        executable_path=chromium_path(playwright_session),
        args=LAUNCH_ARGS,
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, site_url):
    """Make a fresh context (own storage) with any Playwright options; closed after the test."""
    made = []

    def make(**options):
        context = browser.new_context(base_url=site_url, **options)
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def wait_ready(page) -> None:
    """Wait until the page has loaded and Material's script has set it up."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => typeof document$ !== 'undefined'")


# The header's side-by-side toggle (docs/assets/javascripts/site.js): a button, aria-pressed.
TOGGLE = "button.sbs-toggle"


def press_toggle(page, expect: str) -> None:
    """Press the side-by-side toggle with the keyboard and wait until it says ``expect`` ("true", "false")."""
    page.locator(TOGGLE).press("Enter")
    page.wait_for_function(f"() => document.querySelector('{TOGGLE}').getAttribute('aria-pressed') === '{expect}'")


# For every tab set in the article: how many panels show, whether the shown
# ones sit side by side (same top, the second starting right of the first),
# each panel's group name and its label's text, each shown code block's
# width against its box, how many tab radios a keyboard still reaches, and
# whether one label still looks chosen (the theme's underline under the
# chosen tab, a colour or weight the other label does not have), and the
# steps of a Run it (macros/run_it.py) that do not start level with the
# same step in the other tab.
TAB_SETS = """() => [...document.querySelectorAll('article .tabbed-set')].map(set => {
  const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')]
  const shown = blocks.filter(b => b.checkVisibility())
  const boxes = shown.map(b => b.getBoundingClientRect())
  const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')].map(l => l.textContent.trim())
  const looks = [...set.querySelectorAll(':scope > .tabbed-labels > label')]
    .map(l => getComputedStyle(l)).map(s => `${s.color} ${s.fontWeight}`)
  const underline = getComputedStyle(set.querySelector(':scope > .tabbed-labels'), '::before')
  return {
    labels,
    shown: shown.length,
    beside: boxes.length === 2 && Math.abs(boxes[0].top - boxes[1].top) < 2 && boxes[1].left >= boxes[0].right,
    names: blocks.map(b => b.getAttribute('role') === 'group' ? b.getAttribute('aria-label') : null),
    wide: shown.flatMap(b => [...b.querySelectorAll('pre > code')])
      .filter(c => c.scrollWidth > c.clientWidth + 1)
      .map(c => c.closest('.highlight')?.querySelector('.filename')?.textContent),
    radios: [...set.querySelectorAll(':scope > input')]
      .filter(i => i.checkVisibility() || getComputedStyle(i).display !== 'none').length,
    chosen: new Set(looks).size > 1 || (underline.display !== 'none' && underline.content !== 'none'
      && parseFloat(underline.width) > 0 && parseFloat(underline.height) > 0),
    unlevel: (([a, b]) => a && b ? a.flatMap((top, i) => Math.abs(top - b[i]) > 1 ? [i + 1] : []) : [])(
      shown.map(b => [...b.querySelectorAll(':scope > .run-it-step')].map(s => s.getBoundingClientRect().top))),
  }
})"""


def tab_sets(page) -> list[dict]:
    return page.evaluate(TAB_SETS)


def open_folds(page) -> None:
    """Open every folded part of the article (``???`` blocks), as a reader does to read it."""
    page.evaluate("document.querySelectorAll('article details:not([open])').forEach(d => d.open = true)")


@dataclass
class Load:
    """What one cold page load asked the network for."""

    url: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    bytes_by_kind: dict[str, int] = field(default_factory=dict)
    bytes_by_url: dict[str, int] = field(default_factory=dict)

    @property
    def transfer(self) -> int:
        """Bytes on the wire (gzip where the server compresses) for the page's HTML, CSS and JS."""
        return sum(self.bytes_by_kind.get(k, 0) for k in ("html", "css", "js"))


def kind_of(url: str, resource_type: str) -> str:
    path = urlsplit(url).path
    if resource_type == "document" or path.endswith((".html", "/")):
        return "html"
    if path.endswith(".css"):
        return "css"
    if path.endswith((".js", ".mjs")):
        return "js"
    return "other"


def record_load(context, site_url: str, path: str, cold: bool = True) -> tuple[object, Load]:
    """Open `url` in a new tab and record every request it makes; the page stays open (the caller closes it).

    With ``cold``, a reader's first visit: every request goes through
    Playwright, which turns the browser cache off, requests to any host but
    the local server are aborted, so none leaves the machine, and it waits
    until the network has been quiet for half a second. Without, the cache
    serves what earlier pages of the context fetched (the server gzips each
    response anew, which a sweep pays for on every page otherwise), and a
    request to another host is recorded but not stopped. The requests and
    bytes are the load's: those made until the page has loaded, not those a
    reader's acts cause later; foreign requests and console errors are
    recorded until the page closes.
    """
    origin = urlsplit(site_url).netloc
    url = site_url + path
    load = Load(url)
    page = context.new_page()
    loaded: list[bool] = []

    def foreign(request_url: str) -> bool:
        return urlsplit(request_url).netloc != origin and not request_url.startswith(("data:", "blob:"))

    def on_request(request):
        if foreign(request.url):
            load.foreign.append(request.url)
        if not loaded:
            load.requests.append(request.url)

    def on_response(response):
        length = response.headers.get("content-length")
        if length is not None and response.status < 300 and not loaded:
            kind = kind_of(response.url, response.request.resource_type)
            load.bytes_by_kind[kind] = load.bytes_by_kind.get(kind, 0) + int(length)
            load.bytes_by_url[response.url] = load.bytes_by_url.get(response.url, 0) + int(length)

    if cold:
        page.route("**/*", lambda route: route.abort() if foreign(route.request.url) else route.continue_())
    page.on("request", on_request)
    page.on("response", on_response)
    page.on(
        "console",
        lambda msg: msg.type == "error" and load.console_errors.append(f"{msg.text} ({msg.location.get('url')})"),
    )
    page.on("pageerror", lambda exc: load.console_errors.append(f"uncaught: {exc}"))
    page.goto(url)
    wait_ready(page)
    if cold:
        page.wait_for_load_state("networkidle")
    loaded.append(True)
    return page, load


def axe_violations(page, include: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now, or only in the elements ``include``
    selects. axe (570 KB) is put into the page once, not once per run as Axe().run() does:
    the runs that follow on the same page reuse it, which saves seconds over the sweep."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)
    return page.evaluate(
        "include => axe.run(include ? { include } : document, { resultTypes: ['violations'] })", include
    )["violations"]


def describe(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations]


def clipboard_after(page, expected: str, seconds: float = 10) -> str:
    """The clipboard's text once it equals ``expected``, or as it is after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        text = page.evaluate("() => navigator.clipboard.readText()")
        if text == expected or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(100)

"""What a reader does with the site in a browser: tabs, search, palette, copy, drawer, keyboard.

Pages are taken from the built site (sitemap.xml, search index, HTML), except
cookbook/hello, the model page, which every build has.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote_plus, urljoin, urlsplit

import pytest

from macros import data
from macros.examples import section_lines, sections_of
from macros.run_it import plan
from tests.browser.conftest import INDEX_FILE, wait_ready
from tests.conftest import ROOT, SUBPATH, search_index

pytestmark = pytest.mark.browser

MODEL_PAGE = "cookbook/hello/"
SITE = data.load(ROOT / "data")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

TAB_CHOICES = """() => [...document.querySelectorAll('.tabbed-set')]
  .filter(set => [...set.querySelectorAll(':scope > .tabbed-labels > label')]
    .some(l => l.textContent.trim() === 'Django'))
  .map(set => {
    const input = set.querySelector(':scope > input:checked')
    const label = input && set.querySelector(`:scope > .tabbed-labels > label[for="${input.id}"]`)
    return label ? label.textContent.trim() : null
  })"""


def page_path(url: str) -> str:
    """A URL of the served site as a page path relative to SUBPATH ('' for the home page)."""
    path = urlsplit(url).path
    assert path.startswith(SUBPATH), url
    return path[len(SUBPATH) :]


def pages_with_tabs(site: Path, pages: list[str]) -> list[str]:
    # The label's text may sit in a <span> (macros/__init__.py keeps it out of the search index).
    label = re.compile(r'<label for="[^"]+">(?:<span[^>]*>)?Django(?:</span>)?</label>')
    return [p for p in pages if label.search((site / p / "index.html").read_text(encoding="utf-8"))]


def open_page(context, site_url: str, path: str):
    page = context.new_page()
    page.goto(site_url + path)
    wait_ready(page)
    return page


# Linked content tabs -------------------------------------------------------


def test_choosing_django_once_switches_every_tab_set_and_is_remembered(new_context, site_url, built_site, site_pages):
    tabbed = pages_with_tabs(built_site.site, site_pages)
    assert MODEL_PAGE in tabbed
    others = [p for p in tabbed if p != MODEL_PAGE]
    if not others:
        pytest.skip("no second page with Flask/Django tabs yet")
    context = new_context(viewport=DESKTOP)
    page = open_page(context, site_url, MODEL_PAGE)
    before = page.evaluate(TAB_CHOICES)
    assert len(before) >= 2 and "Django" not in before, before

    page.locator(".tabbed-set .tabbed-labels > label", has_text=re.compile(r"^Django$")).first.click()
    page.wait_for_function(f"() => ({TAB_CHOICES})().every(c => c === 'Django')")

    page.goto(site_url + others[0])
    wait_ready(page)
    page.wait_for_function(f"() => ({TAB_CHOICES})().every(c => c === 'Django')", timeout=5_000)
    assert set(page.evaluate(TAB_CHOICES)) == {"Django"}, others[0]

    page.reload()
    wait_ready(page)
    page.wait_for_function(f"() => ({TAB_CHOICES})().every(c => c === 'Django')", timeout=5_000)
    assert set(page.evaluate(TAB_CHOICES)) == {"Django"}


# Search --------------------------------------------------------------------


def expected_page(index: list[dict], term: str) -> str | None:
    """The page that shows `term` most prominently: one with the term in a
    (section) title first, then the one that mentions it most often."""
    needle = term.lower()
    score: dict[str, list] = {}
    for doc in index:
        page = doc["location"].split("#")[0]
        entry = score.setdefault(page, [False, 0])
        entry[0] = entry[0] or needle in doc["title"].lower()
        entry[1] += doc["text"].lower().count(needle)
    ranked = sorted((tuple(v), p) for p, v in score.items() if v[0] or v[1])
    return ranked[-1][1] if ranked else None


SEARCH_TERMS = [
    "createsuperuser",
    "blueprint",
    "manage.py",
    "migrations",
    # lunr reads "-" as "must not contain"; docs/assets/javascripts/site.js
    # lets a reader search for CLI options all the same.
    "flask --app",
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, base_url=site_url)
    page = open_page(context, site_url, "")
    yield page
    context.close()


# How a reader opens search, on each engine: a click on the search box (Material)
# or button (Zensical), "/", the engine's other shortcut, and a tap on a phone.
OPENINGS = {"mkdocs": ("click", "/", "s", "phone"), "zensical": ("click", "/", "Control+k", "phone")}


def open_search(page, engine: str, how: str = "click") -> None:
    """Open search as a reader does: ``how`` is "click", "phone" (a tap on the header's
    search icon, which both themes show on a phone) or a key."""
    if how == "phone":
        page.locator('label.md-header__button[for="__search"]').tap()
    elif how == "click":
        page.locator(".md-search__button" if engine == "zensical" else ".md-search__input").click()
    else:
        page.keyboard.press(how)


def search(page, engine: str, term: str, how: str = "click") -> tuple[list[str], list[str]]:
    """Search for `term` as a reader does: the result pages, best first (each once), and every preview's text.

    The one engine branch of these tests: Material's search box is in the
    page; Zensical 0.0.73 opens a search dialog of its own (in a shadow root,
    which Playwright's locators enter) from a button, and writes the query
    into each result's address (?h=).
    """
    open_search(page, engine, how)
    if engine == "zensical":
        page.locator('dialog[open] input[role="combobox"]').fill(term)
        first = page.locator('[role="listbox"] a[role="option"]').first
        first.and_(page.locator(f'[href*="?h={quote_plus(term)}#"], [href$="?h={quote_plus(term)}"]')).wait_for()
        options = page.locator('[role="listbox"] a[role="option"]')
        # The addresses follow the query at once, the results when the worker answers:
        # read them once they stop changing.
        links, before = None, options.evaluate_all("els => els.map(a => a.href)")
        while links != before:
            page.wait_for_timeout(300)
            links, before = before, options.evaluate_all("els => els.map(a => a.href)")
        previews = options.evaluate_all("els => els.map(a => a.textContent)")
        page.keyboard.press("Escape")
        return list(dict.fromkeys(page_path(link) for link in links)), previews
    box = page.locator(".md-search__input")
    box.fill(term)
    box.press("End")  # Material searches on keyup
    page.wait_for_function(
        """term => document.querySelector('.md-search__input').value === term &&
           /matching document|No matching/.test(document.querySelector('.md-search-result__meta').textContent)""",
        arg=term,
    )
    page.wait_for_timeout(200)  # the last keystroke's results replace the previous ones
    links = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link:first-child", "els => els.map(a => a.href)"
    )
    previews = page.eval_on_selector_all(".md-search-result__article", "els => els.map(a => a.textContent)")
    return list(dict.fromkeys(page_path(link) for link in links)), previews


@pytest.mark.parametrize("opening", range(4), ids=["click", "slash", "shortcut", "phone"])
def test_the_search_index_loads_when_search_opens_and_not_before(new_context, site_url, built_site, opening):
    """A first visit does not download the index (overrides/main.html holds it); opening
    search, by click, key or tap, does, and the first search answers."""
    how = OPENINGS[built_site.engine][opening]
    index = f"{site_url}{INDEX_FILE[built_site.engine]}"
    phone = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
    page = new_context(**(phone if how == "phone" else {"viewport": DESKTOP})).new_page()
    asked = []
    page.on("request", lambda request: request.url.split("?")[0] == index and asked.append(request.url))
    page.goto(site_url + MODEL_PAGE)
    wait_ready(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert asked == [], f"{MODEL_PAGE} downloaded the search index before search was opened"
    found, _ = search(page, built_site.engine, "createsuperuser", how)
    assert asked == [index], f"opening search with {how!r} should download the index once: {asked}"
    assert "cookbook/admin/" in found[:3], f"first search after opening with {how!r}: {found[:5]}"


@pytest.mark.parametrize("term", SEARCH_TERMS)
def test_search_finds_the_page_that_covers_the_term(search_page, built_site, term):
    expected = expected_page(search_index(built_site), term)
    assert expected is not None, f"no page mentions {term!r}: the search index lacks it"
    found, _ = search(search_page, built_site.engine, term)
    assert expected in found[:5], f"{term!r}: expected {expected or '(home)'} among the first results, got {found[:5]}"


# What readers type, and the page they mean: it must be among the first three.
# The words are split on ".", "/", "_" and "-", not inside a CamelCase name
# (mkdocs.yml, search: separator), so a file name or an identifier finds the
# page that explains it.
READER_QUERIES = [
    ("settings.py", "cookbook/configuration/"),
    ("class based views", "cookbook/crud/"),
    ("rest framework", "cookbook/api_frameworks/"),
    ("uwsgi", "cookbook/deployment/"),
    ("blueprint", "cookbook/structure/"),
    ("gunicorn", "cookbook/deployment/"),
    ("createsuperuser", "cookbook/admin/"),
    ("url_for", "cookbook/routing/"),
    ("DJANGO_SETTINGS_MODULE", "cookbook/configuration/"),
    ("websocket", "cookbook/realtime/"),
    # Only the separator finds these: the pages write `app.config.from_prefixed_env()`
    # and `@login_required`, one word each to a search that splits on spaces alone.
    ("from_prefixed_env", "cookbook/configuration/"),
    ("login_required", "cookbook/auth/"),
    # Names as readers type them, in lower case: the pages write WhiteNoise,
    # ListView and SQLAlchemy.
    ("whitenoise", "cookbook/static/"),
    ("listview", "cookbook/crud/"),
    ("sqlalchemy", "cookbook/database/"),
    # Names of two words, one of which is on every page.
    ("django ninja", "cookbook/api_frameworks/"),
    ("django rest framework", "cookbook/api_frameworks/"),
    # Names a page's code introduces and its prose may not repeat.
    ("select_related", "cookbook/relationships/"),
    ("MAX_CONTENT_LENGTH", "cookbook/uploads/"),
    # A plain question.
    ("which is faster", "choosing/speed/"),
]


@pytest.mark.parametrize(("term", "expected"), READER_QUERIES, ids=[q for q, _ in READER_QUERIES])
def test_search_puts_the_page_a_reader_means_in_the_top_three(search_page, built_site, term, expected):
    found, previews = search(search_page, built_site.engine, term)
    assert expected in found[:3], f"{term!r}: expected {expected} in the first three results, got {found[:5]}"
    # Previews read as text: no tab labels run together, no table flattened into them.
    assert not [p for p in previews if "FlaskDjango" in p or "Feature Flask Django" in p], previews


# Palette -------------------------------------------------------------------


def scheme(page) -> tuple[str, str]:
    """(colour scheme, the palette entry's media query) Material has applied to the page."""
    return tuple(page.evaluate("() => [document.body.dataset.mdColorScheme, document.body.dataset.mdColorMedia]"))


def click_palette_toggle(page) -> None:
    # The one visible toggle; its tooltip (not a title) names what it switches to.
    page.locator('form[data-md-component="palette"] label:visible').click()


AUTO, LIGHT, DARK = "(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"


def test_palette_toggle_switches_light_and_dark_and_persists(new_context, site_url, site_pages):
    context = new_context(viewport=DESKTOP, color_scheme="light")
    page = open_page(context, site_url, "")
    assert scheme(page) == ("default", AUTO)  # follows the system (light) until the reader picks
    click_palette_toggle(page)
    assert scheme(page) == ("default", LIGHT)
    click_palette_toggle(page)
    assert scheme(page) == ("slate", DARK)

    # Instant navigation (a click) and a full load of another page keep it.
    link = page.locator(".md-tabs__link").nth(1)
    target = link.evaluate("a => a.href")
    link.click()
    page.wait_for_url(target)
    assert scheme(page) == ("slate", DARK)
    page.goto(site_url + site_pages[-1])
    wait_ready(page)
    assert scheme(page) == ("slate", DARK)
    page.reload()
    wait_ready(page)
    assert scheme(page) == ("slate", DARK)

    # Back to following the system, which now turns dark.
    click_palette_toggle(page)
    assert scheme(page) == ("default", AUTO)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


# Copy button ---------------------------------------------------------------


def snippet_sections(path: Path) -> dict[str, str]:
    """Named sections of an example file, as the page shows them."""
    return {name: "\n".join(section_lines(path, name)) for name in sections_of(path)}


def test_copy_button_copies_the_code_alone(new_context, site_url):
    context = new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, site_url, MODEL_PAGE)
    page.wait_for_selector(".md-code__button")
    checked = 0
    for tab in ("Flask", "Django"):
        page.locator(".tabbed-set .tabbed-labels > label", has_text=re.compile(rf"^{tab}$")).first.click()
        # The Run it's set-up block copies as the steps a reader pastes into a terminal.
        key = next(k for k, fw in SITE.frameworks.items() if fw.name == tab)
        setup = page.locator(".tabbed-set .highlight.run-it:visible").first
        setup.hover()
        setup.locator('.md-code__button[data-md-type="copy"]').click()
        steps = plan(ROOT, key, SITE.frameworks[key], MODEL_PAGE.split("/")[1]).setup
        assert page.evaluate("() => navigator.clipboard.readText()").rstrip("\n") == "\n".join(steps)
        # Every other block is an example's section (the Run it's other built blocks aside).
        blocks = page.locator(".tabbed-set .highlight:visible:not(.run-it)")
        for n in range(blocks.count()):
            block = blocks.nth(n)
            title = block.locator(".filename").inner_text().strip()
            block.hover()
            block.locator('.md-code__button[data-md-type="copy"]').click()
            copied = page.evaluate("() => navigator.clipboard.readText()")
            sections = snippet_sections(ROOT / "examples" / title)
            assert copied.rstrip("\n") in [s.rstrip("\n") for s in sections.values()], (
                f"{tab} {title}: clipboard holds\n{copied}\nnot a section of the file"
            )
            assert not re.search(r"(?m)^(\$ |>>> |\d+\s)", copied), f"prompt or line number copied: {copied!r}"
            checked += 1
    assert checked >= 2


# Navigation drawer on a phone ------------------------------------------------


def drawer_links(site: Path, path: str) -> set[str]:
    """The pages the phone drawer of `path` links to: its primary nav, without the table of contents."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    nav = html.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    nav = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", nav, flags=re.S)
    here = f"http://x{SUBPATH}{path}"
    hrefs = re.findall(r'<a href="([^"#]*)"[^>]*class="md-nav__link', nav)
    return {page_path(urljoin(here, href)) for href in hrefs}


def test_drawer_on_a_phone_reaches_every_page(new_context, site_url, site_pages, built_site):
    """With navigation.prune a page's drawer holds its own section's pages and a link to each other
    section, so every page is a tap or two from any other: walk the drawers from the home page."""
    seen, todo = {""}, [""]
    while todo:
        for target in drawer_links(built_site.site, todo.pop()) - seen:
            seen.add(target)
            todo.append(target)
    assert seen == set(site_pages), f"no drawer path from the home page to {sorted(set(site_pages) - seen)}"

    # On a phone the drawer opens; a section's link opens it, and its groups slide in when tapped.
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = open_page(context, site_url, "")
    hamburger = page.locator('label.md-header__button[for="__drawer"]')
    assert hamburger.is_visible()
    hamburger.click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Cookbook", exact=True).click()
    page.wait_for_url(site_url + "cookbook/")
    wait_ready(page)
    hamburger.click()
    groups = page.locator("nav.md-nav--primary li.md-nav__item--active > nav > ul > li.md-nav__item--nested")
    assert groups.count() >= 2
    for i in range(groups.count()):
        group = groups.nth(i)
        group.locator(":scope > label.md-nav__link").click()
        links = group.locator(":scope > nav > ul > li > a.md-nav__link")
        links.first.wait_for(state="visible")
        group.locator(":scope > nav > label.md-nav__title").click()  # back to the section


# Keyboard ------------------------------------------------------------------

FOCUS_KIND = """() => {
  const el = document.activeElement
  if (!el || el === document.body) return 'body'
  if (el.matches('.md-search__input, .md-search__button')) return 'search'  // Material, Zensical
  if (el.matches('input[name="__palette"]')) return 'palette'
  if (el.matches('.tabbed-set > input')) return 'tab'
  if (el.matches('.md-code__button')) return 'copy'
  return 'other'
}"""


def test_keyboard_reaches_search_palette_tabs_and_copy_buttons(new_context, site_url):
    context = new_context(viewport=DESKTOP, color_scheme="light")
    page = open_page(context, site_url, MODEL_PAGE)
    page.wait_for_selector(".md-code__button")
    reached: dict[str, int] = {}
    for step in range(400):
        page.keyboard.press("Tab")
        kind = page.evaluate(FOCUS_KIND)
        reached.setdefault(kind, step)
        if kind == "body" and step > 5:
            break
    assert {"search", "palette", "tab", "copy"} <= set(reached), reached

    # Tabs and the palette are radio groups: arrow keys change them.
    page.locator(".tabbed-set > input").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => ({TAB_CHOICES})().every(c => c === 'Django')")
    page.locator('input[name="__palette"]').first.focus()  # "follow the system", light here
    page.keyboard.press("ArrowRight")  # light
    page.keyboard.press("ArrowRight")  # dark
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


# Where am I ------------------------------------------------------------------

ACTIVE_LINK = """() => {
  const links = [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
    .filter(a => !a.closest('.md-nav--secondary') && a.checkVisibility())
  const active = links.filter(a => a.classList.contains('md-nav__link--active'))
  const other = links.find(a => !a.classList.contains('md-nav__link--active'))
  return {hrefs: active.map(a => a.href), colour: active[0] && getComputedStyle(active[0]).color,
          other: other && getComputedStyle(other).color}
}"""


def test_the_sidebar_highlights_the_page_the_reader_is_on(new_context, site_url):
    """The current page stands out in the sidebar, after a full load and after a click.

    On Zensical, Material's nav-item.html found the current page with `nav_item == page`,
    never true there: no page was highlighted."""
    page = open_page(new_context(viewport=DESKTOP), site_url, MODEL_PAGE)
    here = page.evaluate(ACTIVE_LINK)
    assert [page_path(h) for h in here["hrefs"]] == [MODEL_PAGE]
    assert here["colour"] != here["other"], "the highlighted link looks like the others"

    link = page.locator("nav.md-nav--primary a.md-nav__link:not(.md-nav__link--active)", has_text="Routing").first
    target = link.evaluate("a => a.href")
    link.click()
    page.wait_for_url(target)
    page.wait_for_function(f"() => ({ACTIVE_LINK})().hrefs.includes({target!r})")
    assert page.evaluate(ACTIVE_LINK)["hrefs"] == [target]

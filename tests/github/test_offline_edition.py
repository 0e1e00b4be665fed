"""The offline edition: a zip a reader unzips and opens by double-click, with nothing fetched.

It is the pull-request preview (checks.yml) and the download on the published
site (deploy.yml); `make offline` builds the same thing (tools/offline.py).
The build, zip and unzipped folder come from the session fixture
`offline_edition` (tests/github/conftest.py): one extra site build per run.

What is assumed and checked here:
- Material 9.8.2's offline plugin adds https://unpkg.com/iframe-worker/shim to
  extra.polyfills unless an entry there already names iframe-worker; the
  vendored copy's entry keeps unpkg out, and without it the strict build fails
  (the privacy plugin forbids assets from other hosts).
- The published site does not load the shim (it has no use for it over HTTP)
  and links the zip the deploy workflow puts beside it.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.conftest import BIN, ROOT, SUBPATH, build_site, copy_project
from tools import offline

SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
SHIM = "assets/vendor/iframe-worker/shim.js"
EPOCH = 1767225600


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# The build and the zip ------------------------------------------------------


def test_the_offline_edition_builds_strictly_with_no_warning(offline_edition):
    assert "WARNING" not in offline_edition.output, offline_edition.output
    assert (offline_edition.site / "index.html").is_file()


def test_the_zip_holds_one_folder_with_the_home_page_and_the_shims_licence(offline_edition):
    with zipfile.ZipFile(offline_edition.zip) as zf:
        names = zf.namelist()
    assert names and all(n.startswith(f"{offline.NAME}/") for n in names), names[:5]
    assert f"{offline.NAME}/index.html" in names
    # 404.html is for a web server; its links start at the server's root.
    assert f"{offline.NAME}/404.html" not in names
    assert f"{offline.NAME}/{SHIM}" in names
    assert f"{offline.NAME}/assets/vendor/iframe-worker/LICENSE" in names


def test_the_zip_is_the_same_bytes_every_time(offline_edition, tmp_path):
    again = offline.make_zip(offline_edition.site, tmp_path / "again.zip", epoch=EPOCH)
    assert again.read_bytes() == offline_edition.zip.read_bytes()


def test_pages_link_files_not_folders_and_no_link_is_broken(offline_edition):
    # From file:// a link to a folder opens a directory listing, not its
    # index.html: every internal link must name a file, and that file (and
    # its anchor) must exist. lychee runs offline, without --index-files.
    for page in pages(offline_edition.site):
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("#", "mailto:")) or not parts.path:
                continue
            assert not parts.path.endswith("/"), f"{page.relative_to(offline_edition.site)} links a folder: {href}"
    proc = subprocess.run(
        [
            BIN / "lychee",
            "--offline",
            "--no-progress",
            "--include-fragments",
            "--root-dir",
            offline_edition.site,
            f"{offline_edition.site}/**/*.html",
            # The Markdown copies beside the pages (macros/llms.py).
            f"{offline_edition.site}/**/*.md",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def script_problems(site: Path) -> list[str]:
    """Pages of an offline edition (either engine's) that fetch from unpkg, load a script that is
    not in the folder, or do not load the vendored shim once, before Material's bundle."""
    found = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # for a web server, outside the zip
            continue
        html = page.read_text(encoding="utf-8")
        scripts = SCRIPT_SRC.findall(html)
        resolved = [(page.parent / unquote(s)).resolve() for s in scripts]
        shim = [i for i, p in enumerate(resolved) if p == (site / SHIM).resolve()]
        bundle = [i for i, s in enumerate(scripts) if "/javascripts/bundle." in s]
        shim_first = len(shim) == 1 and bundle and shim[0] < bundle[0]
        if "unpkg.com" in html or not all(p.is_file() for p in resolved) or not shim_first:
            found.append(f"{page.relative_to(site)}: {scripts}")
    return found


def test_every_page_loads_the_vendored_shim_before_the_bundle_and_nothing_from_unpkg(offline_edition):
    assert script_problems(offline_edition.site) == []


def test_search_reads_an_inlined_index(offline_edition):
    # fetch() of search_index.json fails from file://; Material loads this script instead.
    script = (offline_edition.site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")


# The vendored shim ------------------------------------------------------------


def test_the_vendored_shim_matches_its_pinned_checksums():
    assert offline.vendored_problems() == []


def test_a_changed_or_missing_shim_is_caught_and_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    vendor = project / offline.VENDOR_DIR.relative_to(ROOT)
    shim = vendor / "shim.js"
    shim.write_bytes(shim.read_bytes().replace(b'location.protocol==="file:"', b"true"))
    (vendor / "LICENSE").unlink()
    problems = offline.vendored_problems(vendor)
    assert len(problems) == 2
    assert any("shim.js has SHA-256" in p for p in problems) and any("LICENSE is missing" in p for p in problems)
    with pytest.raises(SystemExit, match="does not match its pin"):
        offline.build(tmp_path / "site", project=project)


def test_without_the_vendored_entry_the_plugin_fetches_unpkg_and_the_strict_build_fails(tmp_path):
    # The override this edition rests on: Material's offline plugin adds
    # unpkg's shim only when no polyfill names iframe-worker.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"    - {SHIM}\n" in text
    config.write_text(text.replace(f"    - {SHIM}\n", "    - assets/javascripts/decision.js\n"), encoding="utf-8")
    proc = offline.build(tmp_path / "site", project=project)
    assert proc.returncode != 0
    assert "https://unpkg.com/iframe-worker/shim" in proc.stdout + proc.stderr


# The published site and the deploy -----------------------------------------------


def test_the_published_site_links_the_zip_and_does_not_load_the_shim(tmp_path):
    # Built as the deploy builds it: OFFLINE_DOWNLOAD says the zip will sit beside the site.
    # (`make build` and `make serve` link no zip: tests/site/test_build.py holds that.)
    published = build_site(ROOT, tmp_path / "site", SITE_URL=f"http://127.0.0.1{SUBPATH}", OFFLINE_DOWNLOAD="true")
    assert published.returncode == 0, published.output[-2000:]
    for page in published.site.rglob("*.html"):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(published.site)
        assert "iframe-worker" not in html, f"{rel} loads the offline shim"
        links = [h for h in HREF.findall(html) if h.endswith(offline.ZIP_NAME)]
        assert len(links) == 1, f"{rel}: {links}"
        target = (page.parent / links[0]).resolve()
        assert target == (published.site / offline.ZIP_NAME).resolve(), f"{rel}: {links[0]}"


def test_the_deploy_writes_the_zip_the_footer_links():
    build = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]
    runs = [s.get("run", "").strip() for s in build["steps"]]
    assert f"make offline OFFLINE_ZIP=site/{offline.ZIP_NAME}" in runs
    upload = next(
        i for i, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    # After `make build` (which empties site/), before the upload.
    assert runs.index("make build") < runs.index(f"make offline OFFLINE_ZIP=site/{offline.ZIP_NAME}") < upload


def test_the_published_site_is_not_the_offline_edition(built_site):
    # The switch is off unless tools/offline.py turns it on: directory URLs,
    # and the search index only as JSON.
    assert (built_site.site / "cookbook" / "hello" / "index.html").is_file()
    assert not (built_site.site / "search" / "search_index.js").exists()
    footer = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "Offline edition" not in footer


# In a browser, from file:// --------------------------------------------------------

DESKTOP = {"width": 1280, "height": 900}
# Anything but the file system (and the data the page makes itself) is a failure.
LOCAL = ("file://", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.browser.conftest import LAUNCH_ARGS, chromium_path

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(p), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reader(browser, offline_edition):
    """A fresh context that records every request and console error, and lets nothing reach a network."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    seen = {"requests": [], "errors": []}

    def block(route):
        seen["requests"].append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(https?|wss?|ftp)://"), block)
    context.on("request", lambda request: seen["requests"].append(request.url))

    def open_page(path: str):
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
        page.on("pageerror", lambda exc: seen["errors"].append(f"uncaught: {exc}"))
        page.goto((offline_edition.site / path).as_uri())
        page.wait_for_load_state("load")
        page.wait_for_function("() => typeof document$ !== 'undefined'")
        return page

    yield open_page, seen
    context.close()
    foreign = sorted({url for url in seen["requests"] if not url.startswith(LOCAL)})
    assert foreign == [], f"the offline edition asked another host (or http) for: {foreign}"
    assert seen["errors"] == [], seen["errors"]


@pytest.mark.browser
def test_the_home_page_renders_from_the_file_system(reader, offline_edition):
    open_page, seen = reader
    page = open_page("index.html")
    assert page.url.startswith("file://")
    assert page.locator("article h1").first.is_visible()
    assert page.locator(".md-footer-meta").inner_text().count("Offline edition") == 1
    assert any(url.endswith(SHIM) for url in seen["requests"]), "the vendored shim was not loaded"


@pytest.mark.browser
def test_a_navigation_tab_and_a_link_in_the_text_open_their_pages(reader, offline_edition):
    open_page, _ = reader
    page = open_page("index.html")
    tab = page.locator(".md-tabs__link").nth(1)
    expected = (offline_edition.site / tab.get_attribute("href")).resolve().as_uri()
    tab.click()
    page.wait_for_url(expected)
    assert page.locator("article h1").first.is_visible()

    page = open_page("index.html")
    link = page.locator("article a[href$='.html']:not(.headerlink)").first
    expected = (offline_edition.site / link.get_attribute("href")).resolve().as_uri()
    link.click()
    page.wait_for_url(expected)
    assert page.locator("article h1").first.is_visible()


@pytest.mark.browser
def test_a_table_of_contents_link_jumps_within_the_page(reader):
    open_page, _ = reader
    page = open_page("cookbook/hello.html")
    entry = page.locator(".md-sidebar--secondary .md-nav--secondary a.md-nav__link").nth(1)
    anchor = entry.get_attribute("href")
    assert anchor.startswith("#"), anchor
    entry.click()
    page.wait_for_function("hash => location.hash === hash", arg=anchor)
    assert page.locator(f"[id='{anchor[1:]}']").is_visible()


@pytest.mark.browser
def test_search_returns_results(reader):
    open_page, _ = reader
    page = open_page("index.html")
    box = page.locator(".md-search__input")
    box.click()
    box.fill("blueprint")
    box.press("End")  # Material searches on keyup
    page.wait_for_function(
        "() => /\\d+ matching document/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    first = page.locator(".md-search-result__item .md-search-result__link").first
    assert urlsplit(first.get_attribute("href")).path.endswith(".html")


@pytest.mark.browser
def test_the_flask_and_django_tabs_switch(reader, offline_edition):
    open_page, _ = reader
    with_tabs = [
        p
        for p in pages(offline_edition.site)
        if re.search(r'<label for="[^"]+">Django</label>', p.read_text(encoding="utf-8"))
    ]
    assert with_tabs, "no page has Flask/Django tabs"
    page = open_page(with_tabs[0].relative_to(offline_edition.site).as_posix())
    tabs = page.locator(".tabbed-set").first
    flask, django = (tabs.locator(":scope > .tabbed-content > .tabbed-block").nth(i) for i in (0, 1))
    assert flask.is_visible() and not django.is_visible()
    tabs.locator(":scope > .tabbed-labels > label", has_text=re.compile(r"^Django$")).click()
    assert django.is_visible() and not flask.is_visible()

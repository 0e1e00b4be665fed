"""Pictures in the browser: each scheme fetches its own pictures only, and each picture fits its column.

A light/dark pair of screens (`#only-light`, `#only-dark`) is two images in
the HTML; the reader should download one. Every page with a picture in its
article is opened in both colour schemes, scrolled from top to bottom so that
every lazy image the reader could see loads, at a phone's width and a wide
screen's.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser

OTHER = {"light": "#only-dark", "dark": "#only-light"}
VIEWS = {"phone": (375, 812), "wide": (1440, 900)}

SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 30)));
  }
}"""

SHOWN_IMAGES = """() => [...document.querySelectorAll('article img')]
  .filter(img => img.offsetParent !== null)
  .map(img => ({src: img.getAttribute('src'), complete: img.complete, natural: img.naturalWidth,
                width: img.clientWidth, height: img.clientHeight,
                ratio: img.naturalHeight / (img.naturalWidth || 1),
                box: img.closest('p, div, figure').clientWidth}))"""


@pytest.fixture(scope="module")
def pages_with_pictures(built_site, site_pages) -> list[str]:
    pages = []
    for path in site_pages:
        html = (built_site.site / path / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[-1].split("</article>", 1)[0]
        if re.search(r"<img\b", article):
            pages.append(path)
    return pages


def image_requests(page) -> list[str]:
    """The URL of every image ``page`` requests from now on, filled in as it loads."""
    fetched: list[str] = []
    page.on("request", lambda r: r.resource_type == "image" and fetched.append(r.url))
    return fetched


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_scheme_fetches_only_its_own_pictures_and_each_fits_its_column(
    new_context, pages_with_pictures, scheme, view
):
    width, height = VIEWS[view]
    context = new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    problems = []
    for path in pages_with_pictures:
        page = context.new_page()
        fetched = image_requests(page)
        page.goto(path)
        wait_ready(page)
        page.evaluate(SCROLL_THROUGH)
        page.wait_for_load_state("networkidle")
        shown = page.evaluate(SHOWN_IMAGES)
        html_srcs = page.eval_on_selector_all("article img", "els => els.map(e => e.getAttribute('src'))")
        for src in html_srcs:
            if src.endswith(OTHER[scheme]) and any(url.endswith(src.split("/")[-1].split("#")[0]) for url in fetched):
                problems.append(f"{path}: {src} was fetched in the {scheme} scheme, which never shows it")
        for img in shown:
            if not img["complete"] or not img["natural"]:
                problems.append(f"{path}: {img['src']} is shown but did not load")
            elif img["width"] > img["box"] + 1 or abs(img["height"] / img["width"] - img["ratio"]) > 0.01:
                problems.append(
                    f"{path}: {img['src']} is drawn {img['width']}x{img['height']} in a "
                    f"{img['box']} px column: squeezed or overflowing"
                )
        page.close()
    assert pages_with_pictures, "no page shows a picture: the pictures tests test nothing"
    assert not problems, "\n".join(problems)

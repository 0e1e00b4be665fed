"""The "Copy page" button puts the page's Markdown copy on the clipboard (overrides/main.html).

With the mouse and with the keyboard (Tab to the button, Enter or Space), in
the light and the dark scheme, on the site served as GitHub Pages serves it.
The offline edition's file:// path is checked in tests/github/test_assistants_offline.py.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from tests.browser.conftest import clipboard_after, wait_ready
from tests.browser.test_interactions import page_path

pytestmark = pytest.mark.browser

BUTTON = "Copy page as Markdown"
# The model page: every build has it, and the home page links it.
MODEL_PAGE = "cookbook/hello/"


def page_title(folder) -> str:
    return re.search(r"<h1[^>]*>([^<]+)", (folder / "index.html").read_text(encoding="utf-8")).group(1).strip()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("how", ["mouse", "Enter", "Space"])
def test_copy_page_copies_the_pages_markdown(new_context, site_url, built_site, scheme, how):
    context = new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    # Two pages: the first opened, the second reached by instant navigation (the script stays loaded).
    page.goto(site_url + MODEL_PAGE)
    wait_ready(page)
    # The model page, then the next one through the footer link: instant navigation swaps
    # the page in, and the script loaded with the first still serves its button.
    following = page.locator("a.md-footer__link--next").get_attribute("href")
    second = page_path(urljoin(site_url + MODEL_PAGE, following))
    for path in (MODEL_PAGE, second):
        if path != MODEL_PAGE:
            page.locator("a.md-footer__link--next").click()
            page.wait_for_url(site_url + path)
            page.wait_for_function(
                "(name) => document.querySelector('[data-copy-page]') && document.title.includes(name)",
                arg=page_title(built_site.site / path),
            )
        page.evaluate("() => navigator.clipboard.writeText('')")
        button = page.get_by_role("button", name=BUTTON)
        expected = (built_site.site / path / "index.md").read_text(encoding="utf-8")
        if how == "mouse":
            button.click()
        else:
            button.focus()
            assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == BUTTON
            page.keyboard.press(how)
        assert clipboard_after(page, expected) == expected, f"{path}: the clipboard does not hold {path}index.md"
        # The reader is told, in the theme's own notice.
        assert "copied" in page.locator(".md-dialog").inner_text(timeout=5_000).lower()


def test_the_open_link_names_the_copy_beside_the_page(new_context, site_url, built_site, visited_pages):
    page = new_context().new_page()
    for path in visited_pages[:3]:
        page.goto(site_url + path)
        link = page.get_by_role("link", name="Open this page as Markdown")
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.text() == (built_site.site / path / "index.md").read_text(encoding="utf-8")

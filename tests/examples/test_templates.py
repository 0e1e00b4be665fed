"""Templates: both apps render the HTML the page describes.

The checks are on what a reader's browser receives: the child's blocks inside
the base layout, one list item per book, the empty-list text, the custom
filter's stars, and a value holding <script> arriving as harmless text.
Both apps are the `site` fixture's (tests/examples/apps.py); Django's is requested through
the project's URLs (/templates/...), so the `{% url %}` tag's namespace resolves.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.examples.browsing import body


class Page(HTMLParser):
    """The text of a few elements, the way a reader sees them (entities decoded)."""

    def __init__(self, html: str):
        super().__init__()
        self.texts: dict[str, list[str]] = {}
        self.links: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        self._open.append(tag)
        self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            self._open.remove(tag)

    def handle_data(self, data):
        for tag in set(self._open):
            self.texts[tag][-1] += data

    def text(self, tag: str) -> list[str]:
        return [" ".join(t.split()) for t in self.texts.get(tag, [])]


@pytest.fixture
def get(site):
    """GET a page from either framework (the `site` fixture); returns (html, path of the home page)."""
    client = site.client()

    def fetch(path):
        response = client.get(site.url(path))
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/html")
        return body(response), site.url("")

    return fetch


def test_child_fills_the_base_layout(get):
    html, home = get("/")
    page = Page(html)
    # the child's title block, with the base's own title appended by super()/block.super
    assert page.text("title") == ["Reading list · Bookshop"]
    assert page.text("h1") == ["Reading list"]
    # parts only the base defines are still there
    assert page.text("footer") == ["Second-hand books since 1999"]
    assert page.links == [home]
    assert html.lstrip().lower().startswith("<!doctype html>")


def test_loop_condition_and_filters(get):
    page = Page(get("/")[0])
    assert page.text("li") == [
        "Dune by Frank Herbert ★★★★★ Recommended",
        "Emma by Jane Austen ★★★★☆ Recommended",
        "The Road by Cormac McCarthy ★★☆☆☆",
    ]
    assert page.text("strong") == ["Recommended", "Recommended"]
    assert page.text("p") == ["3 books"]


def test_empty_list_shows_the_fallback(get):
    page = Page(get("/wishlist/")[0])
    assert page.text("title") == ["Wishlist · Bookshop"]
    assert page.text("li") == ["Nothing here yet."]
    assert page.text("p") == ["0 books"]
    assert "blockquote" not in page.texts


def test_script_in_a_value_is_escaped_not_run(get):
    html, _ = get("/")
    page = Page(html)
    # the reader sees the text, angle brackets and all...
    assert page.text("blockquote") == ["<script>alert('hi')</script> Loved it!"]
    # ...because the markup never became a tag
    assert "script" not in page.texts
    assert "<script>" not in html
    assert re.search(r"&lt;script&gt;alert\((&#39;|&#x27;)hi(&#39;|&#x27;)\)&lt;/script&gt;", html)


def test_other_methods_are_405(site):
    assert site.client(csrf=False).put(site.url("")).status_code == 405

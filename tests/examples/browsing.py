"""Drive a Flask or Django test client as a browser would, and check the versions a page names.

`site.browser()` (tests/examples/apps.py) gives one over a topic's app. A `Browser`
loads a page, keeps the hidden inputs of its form (the CSRF token) and posts them
back with the reader's data, so the tests prove the templates carry the token
instead of switching the check off.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.run_it import read_pins
from tests.examples.conftest import EXAMPLES


class Inputs(HTMLParser):
    """The inputs of a page by name, and its text without tags."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            found = dict(attrs)
            self.inputs[found.get("name") or ""] = found

    def handle_data(self, data):
        self.text += data

    def hidden(self) -> dict[str, str]:
        return {name: a.get("value") or "" for name, a in self.inputs.items() if a.get("type") == "hidden"}


def csrf_token(page: str, field: str = "csrf(?:_token|middlewaretoken)") -> str:
    """The value of a form's hidden CSRF field, Flask-WTF's or Django's (or of ``field``)."""
    match = re.search(rf'name="{field}"[^>]*?value="([^"]+)"', page)
    assert match, f"the form has no {field} field"
    return match.group(1)


def body(response) -> str:
    """The decoded body of a Flask or a Django test response."""
    if hasattr(response, "get_data"):
        return response.get_data(as_text=True)
    return response.content.decode()


def words(response) -> str:
    """The page's text as a reader sees it: tags dropped, whitespace collapsed."""
    return " ".join(Inputs(body(response)).text.split())


class Browser:
    """GET and POST through one framework's test client, sending the form's hidden inputs back."""

    def __init__(self, client):
        self.client = client

    def get(self, path: str):
        return self.client.get(path)

    def submit(self, path: str, data: dict[str, str] | None = None):
        """Load the form at `path`, then POST `data` with its hidden inputs."""
        page = self.get(path)
        assert page.status_code == 200, f"GET {path}: {page.status_code}"
        return self.client.post(path, data={**Inputs(body(page)).hidden(), **(data or {})})

    def follow(self, response):
        """The page a redirect points to."""
        assert response.status_code == 302, (response.status_code, words(response)[:300])
        return self.get(response.headers["Location"])


def pins() -> dict[str, set[str]]:
    """Every exact pin the examples and their tests use, canonical names, on either Django line."""
    found: dict[str, set[str]] = {}
    for name in ("requirements-common.txt", "requirements.txt", "requirements-lts.txt", "../requirements-test.txt"):
        for package, version in read_pins(EXAMPLES / name).items():
            found.setdefault(package, set()).add(version)
    return found

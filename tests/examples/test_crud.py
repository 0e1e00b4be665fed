"""CRUD: the generic views list, create, update and delete a book as a browser drives them, and
refuse bad input with 4xx (never 500). A POST without the visitor's own CSRF token (none, or
another visitor's) is the attack suite's csrf rule (tests/attacks/test_writes.py).

Each test runs on both frameworks (the `site` fixture, tests/examples/apps.py), both
checking the token as for a real browser; every POST carries the token its form rendered.
"""

from __future__ import annotations

import re

import pytest

from tests.examples.browsing import Inputs, body, words

# The paths inside the app; Django's end in a slash and sit under the mount (/crud/).
PATHS = {"list": "books/", "new": "books/new", "edit": "books/{}/edit", "delete": "books/{}/delete"}
DUNE = {"title": "Dune", "author": "Frank Herbert", "year": "1965"}


def url(site, key, pk=None) -> str:
    path = PATHS[key].format(pk)
    return site.url(path if site.framework == "flask" or path.endswith("/") else path + "/")


def pk_in(page_text: str, url_template: str) -> int:
    """The id in the first edit link of a page, as a reader would click it."""
    pattern = re.escape(url_template).replace(r"\{\}", r"(\d+)")
    return int(re.search(pattern, page_text).group(1))


# The four operations, as a reader clicks through them ------------------------


def test_create_list_update_and_delete_a_book(site):
    browser = site.browser()
    assert "No books yet." in words(browser.get(url(site, "list")))

    listed = browser.follow(browser.submit(url(site, "new"), DUNE))
    assert "Dune, Frank Herbert (1965)" in words(listed)
    assert "Saved “Dune”." in words(listed)
    assert "Saved" not in words(browser.get(url(site, "list"))), "a message shows once"

    pk = pk_in(body(listed), url(site, "edit", "{}"))
    form = browser.get(url(site, "edit", pk))
    assert form.status_code == 200
    assert "Edit book" in words(form)
    assert Inputs(body(form)).inputs["title"]["value"] == "Dune"

    changed = {"title": "Dune Messiah", "author": "Frank Herbert", "year": "1969"}
    listed = browser.follow(browser.submit(url(site, "edit", pk), changed))
    assert "Dune Messiah, Frank Herbert (1969)" in words(listed)
    assert site.count("book") == 1

    confirm = browser.get(url(site, "delete", pk))
    assert "Delete “Dune Messiah”?" in words(confirm)
    assert site.count("book") == 1, "a GET only asks"
    listed = browser.follow(browser.submit(url(site, "delete", pk)))
    assert "Deleted “Dune Messiah”." in words(listed)
    assert "No books yet." in words(listed)
    assert site.count("book") == 0


def test_the_list_shows_20_books_a_page_and_links_the_next(site):
    browser = site.browser()
    for n in range(21):
        assert browser.submit(url(site, "new"), {**DUNE, "title": f"Book {n:02}"}).status_code == 302
    first = words(browser.get(url(site, "list")))
    assert "Book 19," in first and "Book 20," not in first
    assert "Next" in first
    second = browser.get(url(site, "list") + "?page=2")
    assert "Book 20," in words(second) and "Next" not in words(second)
    assert browser.get(url(site, "list") + "?page=3").status_code == 404
    assert browser.get(url(site, "list") + "?page=abc").status_code == 404


# Bad input: the form again with the messages, 404 for a missing row, never 500

MESSAGES = {
    "flask": {
        "required": "This field is required.",
        "number": "Not a valid integer value.",
        "range": "Number must be between 0 and 2100.",
    },
    "django": {
        "required": "This field is required.",
        "number": "Enter a whole number.",
        "range": "Ensure this value is less than or equal to 2100.",
    },
}


# Each row: what the reader typed over Dune (None: the field left out), and the message shown;
# None for garbage, where the form again (never a 500) is what counts.
INVALID = [
    ({"title": ""}, "required"),
    ({"title": "   "}, "required"),
    ({"year": "nineteen"}, "number"),
    ({"year": "5000"}, "range"),
    ({"author": None, "year": None}, None),
    ({"year": "9" * 40}, None),
    ({"year": "-1"}, None),
    ({"year": "1e3"}, None),
    ({"year": "0x7f"}, None),
    ({"year": "١٩٦٥" + "9" * 30}, None),
    ({"title": "x" * 5000}, None),
    ({"author": ""}, None),
    ({"title": "\x00"}, None),
    ({"title": "<script>alert(1)</script>", "year": "-" * 3}, None),
]


@pytest.mark.parametrize(("change", "message"), INVALID, ids=range(len(INVALID)))
def test_an_invalid_book_is_shown_again_with_the_message(site, change, message):
    sent = {name: value for name, value in {**DUNE, **change}.items() if value is not None}
    response = site.browser().submit(url(site, "new"), sent)
    assert response.status_code == 200 and "New book" in words(response)  # each framework's default
    assert message is None or MESSAGES[site.framework][message] in words(response)
    assert site.count("book") == 0


@pytest.mark.parametrize("pk", ["999", "99999999999999999999999", "abc", "-1", "1.5"])
@pytest.mark.parametrize("key", ["edit", "delete"])
def test_a_missing_book_is_404_on_get_and_post(site, key, pk):
    browser = site.browser()
    assert browser.get(url(site, key, pk)).status_code == 404
    # A valid token from this browser's own form, so only the missing row can refuse the POST.
    response = browser.client.post(url(site, key, pk), data={**DUNE, **token_of(browser, url(site, "new"))})
    assert response.status_code == 404


def token_of(browser, path) -> dict[str, str]:
    return Inputs(body(browser.get(path))).hidden()


def test_other_methods_are_405(site):
    """With a valid token in the X-CSRFToken header, which both accept, so only the method is wrong."""
    browser = site.browser()
    token = next(iter(token_of(browser, url(site, "new")).values()))
    assert browser.client.put(url(site, "list"), headers={"X-CSRFToken": token}).status_code == 405

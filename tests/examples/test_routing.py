"""Routing: every URL on the page answers as the page says, in both frameworks.

Each test runs on both (the `site` fixture, tests/examples/apps.py); Django's side is
requested through the project's root URLs, as `runserver` serves it: the routing app is
included under /routing/ with the namespace "routing", so `reverse("routing:...")` works
exactly as on the page. The POSTs here come from a script, with no form to take a CSRF
token from (`site.client(csrf=False)`); without it they are refused: the attack suite's
csrf rule (tests/attacks/test_writes.py).
"""

from __future__ import annotations

import pytest

from tests.examples.browsing import body
from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import bash
from tests.examples.garbage import NOT_UTF8, form_body
from tests.examples.serving import reader_env


@pytest.fixture(autouse=True)
def fresh_books(monkeypatch):
    """Each test starts from the two books on the page."""
    import routing.django_app.views as django_views
    import routing.flask_app as flask_app

    for module in (flask_app, django_views):
        monkeypatch.setattr(module, "BOOKS", dict(module.BOOKS))


@pytest.fixture
def get(site):
    """GET a path of the page in either framework; Django's under the project's mount."""
    client = site.client()
    return lambda path, **kw: client.get(site.url(path), **kw)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Welcome to the bookshop"),
        ("/about/", "A small shop for second-hand books"),
        ("/books/2/", "Book 2: Emma"),
        ("/tags/science-fiction/", "Books tagged science-fiction"),
        ("/files/covers/2024/dune.jpg", "File covers/2024/dune.jpg"),
    ],
)
def test_each_url_on_the_page_answers(get, path, expected):
    response = get(path)
    assert response.status_code == 200
    assert body(response) == expected


@pytest.mark.parametrize("path", ["/books/99/", "/books/abc/", "/tags/two words/"])
def test_unknown_or_malformed_urls_are_404(get, path):
    """An unknown id, a non-integer id, a tag that is not a slug: all 404."""
    response = get(path)
    assert response.status_code == 404
    assert "Not Found" in body(response)


def test_a_missing_trailing_slash_redirects_to_the_slashed_url(site):
    """The page: Flask answers 308, Django's CommonMiddleware (APPEND_SLASH) 301."""
    response = site.client().get(site.url("about"))
    assert response.status_code == {"flask": 308, "django": 301}[site.framework]
    assert response.headers["Location"].endswith(site.url("about/"))


def test_get_and_post_on_one_url(site):
    client = site.client(csrf=False)
    listing = body(client.get(site.url("books/")))
    assert "Dune" in listing and "Emma" in listing

    created = client.post(site.url("books/"), data={"title": "Kindred"})
    assert created.status_code == 302
    assert created.headers["Location"].startswith(site.url("books/"))
    assert body(client.get(created.headers["Location"])).endswith(": Kindred")
    assert "Kindred" in body(client.get(site.url("books/")))


def test_methods_a_url_does_not_take_are_405(site):
    client = site.client(csrf=False)
    assert client.delete(site.url("books/")).status_code == 405
    assert client.post(site.url("about/")).status_code == 405


BAD_POSTS = {
    "empty body": "",
    "no title": form_body({"name": "Kindred"}),
    "blank title": form_body({"title": "   "}),
}


@pytest.mark.parametrize("case", BAD_POSTS)
def test_a_post_without_a_title_is_a_400(site, case):
    url = site.url("books/")
    response = site.client(csrf=False).post(url, data=BAD_POSTS[case], content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "A title is required." in body(response)


def test_bytes_that_are_not_utf8_never_cause_a_server_error(site):
    client = site.client(csrf=False)
    sent = form_body({"title": NOT_UTF8})
    created = client.post(site.url("books/"), data=sent, content_type="application/x-www-form-urlencoded")
    # Both decode them with U+FFFD replacement characters: a strange title, not an error.
    assert created.status_code == 302
    for path in ("files/%FF%FE", "tags/%FF/", "books/99999999999999999999999999/"):
        assert client.get(site.url(path)).status_code < 500


# url_for and reverse() build the paths the page shows, under the mount on Django
LINKS = {"about": "about/", "dune": "books/1/", "tag": "tags/science-fiction/", "cover": "files/covers/dune.jpg"}


def test_url_for_and_reverse_give_the_documented_paths(site):
    links = {name: site.url(path) for name, path in LINKS.items()} | {"search": site.url("books/?q=emma")}
    response = site.client().get(site.url("links/"))
    assert (response.get_json() if site.framework == "flask" else response.json()) == links


def test_flask_routes_lists_every_rule():
    """Type the page's lines up to `flask ... routes` into a shell in examples/, as the reader does."""
    lines = [line for line in section("routing/flask_commands.sh", "run") if not line.startswith("#")]
    upto = next(
        i for i, line in enumerate(lines) if line.split()[:4] == ["flask", "--app", "routing.flask_app", "routes"]
    )
    out = bash(lines[: upto + 1], EXAMPLES, reader_env())
    for rule in ("/books/<int:book_id>/", "/tags/<slug:tag>/", "/files/<path:name>"):
        assert rule in out
    listed = [line.split() for line in out.splitlines() if line.startswith(("shop.book_create", "shop.book_list"))]
    assert ["shop.book_create", "POST", "/books/"] in listed
    assert ["shop.book_list", "GET", "/books/"] in listed

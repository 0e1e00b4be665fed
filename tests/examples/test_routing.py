"""Routing: every URL on the page answers as the page says, in both frameworks.

Django's side is requested through the project's root URLs, as `runserver`
serves it: the routing app is included under /routing/ with the namespace
"routing", so `reverse("routing:...")` works exactly as on the page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from routing.flask_app import create_app
from tests.examples.browsing import body
from tests.examples.conftest import EXAMPLES, section
from tests.examples.garbage import NOT_UTF8, form_body

DJANGO = "/routing"  # where project/urls.py includes routing.django_app.urls


SECRET = "a-long-random-value-from-the-environment"


@pytest.fixture(autouse=True)
def fresh_books(monkeypatch):
    """Each test starts from the two books on the page."""
    import routing.django_app.views as django_views
    import routing.flask_app as flask_app

    for module in (flask_app, django_views):
        monkeypatch.setattr(module, "BOOKS", dict(module.BOOKS))


@pytest.fixture
def flask_client():
    # CSRF checks off, as Django's test client has them; the attack tests turn them on.
    return create_app({"SECRET_KEY": SECRET, "WTF_CSRF_ENABLED": False}).test_client()


@pytest.fixture(params=["flask", "django"])
def get(request, flask_client, client):
    """GET a path in either framework; Django's paths get the project's prefix."""
    if request.param == "flask":
        return flask_client.get
    return lambda path, **kw: client.get(DJANGO + path, **kw)


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


def test_a_missing_trailing_slash_redirects_to_the_slashed_url(flask_client, client):
    """The page: Flask answers 308, Django's CommonMiddleware (APPEND_SLASH) 301."""
    flask = flask_client.get("/about")
    assert flask.status_code == 308
    assert flask.headers["Location"].endswith("/about/")
    django = client.get(f"{DJANGO}/about")
    assert django.status_code == 301
    assert django["Location"] == f"{DJANGO}/about/"


def test_flask_get_and_post_on_one_url(flask_client):
    listing = flask_client.get("/books/")
    assert listing.status_code == 200
    assert "Dune" in listing.text and "Emma" in listing.text

    created = flask_client.post("/books/", data={"title": "Kindred"})
    assert created.status_code == 302
    detail = flask_client.get(created.headers["Location"])
    assert detail.text.endswith(": Kindred")
    assert "Kindred" in flask_client.get("/books/").text


@pytest.mark.django_db
def test_django_get_and_post_on_one_url(client):
    listing = client.get(f"{DJANGO}/books/")
    assert listing.status_code == 200
    assert "Dune" in listing.content.decode() and "Emma" in listing.content.decode()

    created = client.post(f"{DJANGO}/books/", {"title": "Kindred"})
    assert created.status_code == 302
    assert created["Location"].startswith(f"{DJANGO}/books/")
    detail = client.get(created["Location"])
    assert detail.content.decode().endswith(": Kindred")
    assert "Kindred" in client.get(f"{DJANGO}/books/").content.decode()


def test_methods_a_url_does_not_take_are_405(flask_client, client):
    assert flask_client.delete("/books/").status_code == 405
    assert flask_client.post("/about/").status_code == 405
    assert client.delete(f"{DJANGO}/books/").status_code == 405
    assert client.post(f"{DJANGO}/about/").status_code == 405


def test_django_rejects_a_post_without_a_csrf_token():
    """What curl or a hand-written form meets: the page says so, and points to Forms."""
    response = Client(enforce_csrf_checks=True).post(f"{DJANGO}/books/", {"title": "Kindred"})
    assert response.status_code == 403


def test_flask_rejects_a_post_without_a_csrf_token():
    client = create_app({"SECRET_KEY": SECRET}).test_client()
    response = client.post("/books/", data={"title": "Kindred"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 400 and "CSRF token is missing" in response.text
    assert "Kindred" not in client.get("/books/").text


BAD_POSTS = {
    "empty body": "",
    "no title": form_body({"name": "Kindred"}),
    "blank title": form_body({"title": "   "}),
}


@pytest.mark.parametrize("case", BAD_POSTS)
def test_a_post_without_a_title_is_a_400_in_both(flask_client, client, case):
    flask = flask_client.post("/books/", data=BAD_POSTS[case], content_type="application/x-www-form-urlencoded")
    django = client.post(f"{DJANGO}/books/", data=BAD_POSTS[case], content_type="application/x-www-form-urlencoded")
    assert (flask.status_code, django.status_code) == (400, 400)
    assert "A title is required." in flask.text and django.content.decode() == "A title is required."


def test_bytes_that_are_not_utf8_never_cause_a_server_error(flask_client, client):
    body = form_body({"title": NOT_UTF8})
    flask = flask_client.post("/books/", data=body, content_type="application/x-www-form-urlencoded")
    django = client.post(f"{DJANGO}/books/", data=body, content_type="application/x-www-form-urlencoded")
    # Both decode them with U+FFFD replacement characters: a strange title, not an error.
    assert (flask.status_code, django.status_code) == (302, 302)
    for response in (
        flask_client.get("/files/%FF%FE"),
        client.get(f"{DJANGO}/files/%FF%FE"),
        flask_client.get("/tags/%FF/"),
        client.get(f"{DJANGO}/tags/%FF/"),
        flask_client.get("/books/99999999999999999999999999/"),
        client.get(f"{DJANGO}/books/99999999999999999999999999/"),
    ):
        assert response.status_code < 500


def test_flask_url_for_gives_the_documented_paths(flask_client):
    assert flask_client.get("/links/").get_json() == {
        "about": "/about/",
        "dune": "/books/1/",
        "tag": "/tags/science-fiction/",
        "cover": "/files/covers/dune.jpg",
        "search": "/books/?q=emma",
    }


def test_django_reverse_gives_the_documented_paths(client):
    assert client.get(f"{DJANGO}/links/").json() == {
        "about": "/routing/about/",
        "dune": "/routing/books/1/",
        "tag": "/routing/tags/science-fiction/",
        "cover": "/routing/files/covers/dune.jpg",
        "search": "/routing/books/?q=emma",
    }


def test_flask_routes_lists_every_rule():
    """Type the page's lines up to `flask ... routes` into a shell in examples/, as the reader does."""
    lines = [line for line in section("routing/flask_commands.sh", "run") if not line.startswith("#")]
    upto = next(
        i for i, line in enumerate(lines) if line.split()[:4] == ["flask", "--app", "routing.flask_app", "routes"]
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("FLASK_SECRET_KEY", None)  # the page's lines set it
    out = subprocess.run(
        ["bash", "-c", "set -e\n" + "\n".join(lines[: upto + 1])],
        cwd=EXAMPLES,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    for rule in ("/books/<int:book_id>/", "/tags/<slug:tag>/", "/files/<path:name>"):
        assert rule in out
    listed = [line.split() for line in out.splitlines() if line.startswith(("shop.book_create", "shop.book_list"))]
    assert ["shop.book_create", "POST", "/books/"] in listed
    assert ["shop.book_list", "GET", "/books/"] in listed

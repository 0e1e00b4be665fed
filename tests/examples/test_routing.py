"""Routing: every URL on the page answers as the page says, in both frameworks.

Django's side is requested through the project's root URLs, as `runserver`
serves it: the routing app is included under /routing/ with the namespace
"routing", so `reverse("routing:...")` works exactly as on the page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from routing.flask_app import app
from tests.examples.conftest import EXAMPLES, section

DJANGO = "/routing"  # where project/urls.py includes routing.django_app.urls


@pytest.fixture
def flask_client():
    return app.test_client()


@pytest.fixture(params=["flask", "django"])
def get(request, flask_client, client):
    """GET a path in either framework; Django's paths get the project's prefix."""
    if request.param == "flask":
        return flask_client.get
    return lambda path, **kw: client.get(DJANGO + path, **kw)


def body(response) -> str:
    return response.content.decode() if hasattr(response, "content") else response.text


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
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(f"{DJANGO}/books/", {"title": "Kindred"})
    assert response.status_code == 403


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
    """Run `flask --app routing.flask_app routes` from examples/, as the page does."""
    lines = section("routing/flask_commands.sh", "run")
    assert lines[0] == "cd examples"
    command = lines[1].split()
    assert command[:3] == ["flask", "--app", "routing.flask_app"] and command[3] == "routes"
    flask = Path(sys.executable).parent / "flask"
    out = subprocess.run([flask, *command[1:]], cwd=EXAMPLES, capture_output=True, text=True,
                         check=True, timeout=60).stdout
    for rule in ("/books/<int:book_id>/", "/tags/<slug:tag>/", "/files/<path:name>"):
        assert rule in out
    listed = [line.split() for line in out.splitlines() if line.startswith(("book_create", "book_list"))]
    assert ["book_create", "POST", "/books/"] in listed
    assert ["book_list", "GET", "/books/"] in listed

"""JSON API: what both apps answer beyond the page's own requests.

Every request the page shows, with the status and JSON shown under it, is sent
to the server its Run it starts by the Run-it walk (tests/examples/test_run_it.py);
these tests drive each app through its test client.
"""

from __future__ import annotations

import copy
import json
import sys

import pytest

from api import flask_app
from api.django_app import views
from tests.examples.browsing import body

# Django's reason phrase comes from http.client.responses, which Python 3.13
# renamed after RFC 9110; the page's curl session was recorded on Python 3.12
# and says so. Werkzeug (Flask) keeps its own table with the older name.
DJANGO_422 = "Unprocessable Entity" if sys.version_info < (3, 13) else "Unprocessable Content"


# The list's URL on the page: Flask's blueprint at /api/books, Django's app mounted at /api/.
BOOKS = {"flask": "/api/books", "django": "/api/books/"}


@pytest.fixture(autouse=True)
def fresh_books(monkeypatch):
    """Each test starts from the two books the page lists."""
    monkeypatch.setattr(flask_app, "BOOKS", copy.deepcopy(flask_app.BOOKS))
    monkeypatch.setattr(views, "BOOKS", copy.deepcopy(views.BOOKS))


@pytest.fixture
def api(site, settings):
    """The topic's app (the `site` fixture); CSRF checks on, as for a real client: Django's
    POSTs still pass because the view is exempt."""
    settings.ALLOWED_HOSTS = ["testserver"]
    return site


def test_a_created_book_can_be_fetched_at_its_location_and_a_missing_one_is_a_404(api):
    client = api.client()
    created = client.post(
        BOOKS[api.framework], data=json.dumps({"title": "Piranesi", "year": 2020}), content_type="application/json"
    )
    book = json.loads(body(created))
    assert json.loads(body(client.get(created.headers["Location"]))) == book
    assert json.loads(body(client.get(BOOKS[api.framework])))["books"][-1] == book
    missing = client.get(created.headers["Location"].replace(f"/{book['id']}", "/99"))
    assert (missing.status_code, json.loads(body(missing))) == (404, {"error": "No book with id 99."})


def test_a_title_of_spaces_is_refused_and_a_title_is_trimmed(flask_site):
    client = flask_site.client()
    assert client.post("/api/books", json={"title": "   ", "year": 2000}).status_code == 422
    assert client.post("/api/books", json={"title": " Beloved ", "year": 1987}).get_json()["title"] == "Beloved"


def test_flask_answers_unknown_urls_in_json_too(flask_site):
    response = flask_site.client().get("/api/nothing-here")
    assert response.status_code == 404
    assert set(response.get_json()) == {"error"}


def test_django_refuses_other_methods(settings, django_site):
    settings.ALLOWED_HOSTS = ["testserver"]
    client = django_site.client(csrf=False)
    assert client.delete("/api/books/").status_code == 405
    assert client.post("/api/books/1/").status_code == 405


BAD_BODIES = {
    "empty": b"",
    "not JSON": b"not json",
    "a JSON list": b"[1, 2]",
    "not UTF-8": b'{"title": "\xff\xfe", "year": 2020}',
    "title missing": b'{"year": 2020}',
    "year a string": b'{"title": "Piranesi", "year": "2020"}',
    "year a float": b'{"title": "Piranesi", "year": 2020.5}',
    "year true": b'{"title": "Piranesi", "year": true}',
    "title a number": b'{"title": 7, "year": 2020}',
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("case", BAD_BODIES)
def test_bad_bodies_get_the_same_4xx_in_json_from_both(flask_site, django_site, settings, case):
    settings.ALLOWED_HOSTS = ["testserver"]
    sent = {"data": BAD_BODIES[case], "content_type": "application/json"}
    flask = flask_site.client().post(BOOKS["flask"], **sent)
    django = django_site.client().post(BOOKS["django"], **sent)
    assert flask.status_code in (400, 422) and flask.status_code == django.status_code, case
    assert flask.is_json and django["Content-Type"] == "application/json"


def test_a_huge_year_is_still_a_whole_number(flask_site):
    """JSON has no size limit on integers, and the books live in memory: 10**30 is stored as it is."""
    created = flask_site.client().post("/api/books", json={"title": "Far", "year": 10**30})
    assert created.status_code == 201 and created.get_json()["year"] == 10**30


def test_the_422_reason_phrase_is_what_the_page_says_for_this_python():
    """docs/cookbook/api.md: Django's phrase is Python's ("Unprocessable Entity" up to 3.12,
    "Unprocessable Content" from 3.13); Flask prints Werkzeug's "UNPROCESSABLE ENTITY"."""
    import http.client

    from django.http import JsonResponse
    from werkzeug.wrappers import Response

    assert http.client.responses[422] == DJANGO_422
    assert JsonResponse({}, status=422).reason_phrase == DJANGO_422
    assert Response(status=422).status == "422 UNPROCESSABLE ENTITY"


def test_the_werkzeug_version_the_page_names_is_the_pinned_one():
    import re

    from tests.examples.conftest import ROOT

    pin = re.search(r"(?m)^Werkzeug==(\d+\.\d+)", (ROOT / "examples/requirements-common.txt").read_text()).group(1)
    assert f"(Werkzeug {pin})" in (ROOT / "docs/cookbook/api.md").read_text(encoding="utf-8")

"""Database: models, rows and queries in both frameworks, and the migration commands the page shows.

The page's migrate commands, Flask's `python -c` line and the Django shell line run in its
Run-it walks (tests/examples/test_run_it.py), whose expected output needs the row they add.
An id past the database's integers is the attack suite's malformed rule
(tests/attacks/test_input.py: 2**63 and 10**30 in every int parameter).
"""

from __future__ import annotations

import io
import shlex

import pytest
from django.core.management import call_command

from database.flask_app import create_app
from database.flask_models import db
from tests.examples.conftest import section
from tests.examples.garbage import form_variants, query_variants

SECRET = "a-long-random-value-from-the-environment"

BOOKS = [
    {"title": "Dune", "author": "Frank Herbert", "year": "1965"},
    {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "year": "1969"},
    {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": "1974"},
]


def as_json(response):
    """Flask's response.json is a property, Django's a method."""
    return response.json() if callable(response.json) else response.json


def paths(site) -> tuple[str, str, str]:
    """The new, list and show URLs: Django's end in a slash and sit under the mount."""
    end = "/" if site.framework == "django" else ""
    return site.url(f"books/new{end}"), site.url(f"books{end}"), site.url(f"books/{{}}{end}")


def add_and_query(client, new_url: str, list_url: str, show_url: str) -> None:
    """What a reader does with either app: add three books, then filter and fetch them."""
    ids = []
    for book in BOOKS:
        response = client.post(new_url, data=book)
        assert response.status_code == 201
        ids.append(as_json(response)["id"])
    assert len(set(ids)) == 3

    everything = as_json(client.get(list_url))["books"]
    assert everything == ["Dune (1965)", "The Left Hand of Darkness (1969)", "The Dispossessed (1974)"]
    by_author = as_json(client.get(f"{list_url}?author=Ursula+K.+Le+Guin"))
    assert by_author["books"] == ["The Left Hand of Darkness (1969)", "The Dispossessed (1974)"]
    both = f"{list_url}?author=Ursula+K.+Le+Guin&since=1970"
    assert as_json(client.get(both))["books"] == ["The Dispossessed (1974)"]

    one = client.get(show_url.format(ids[0]))
    assert one.status_code == 200
    assert as_json(one) == {"title": "Dune", "author": "Frank Herbert", "year": 1965}
    assert client.get(show_url.format(max(ids) + 1)).status_code == 404


# The API has no form to take a CSRF token from: a script's client, with the check off
# (a POST without the token is the attack suite's csrf rule, tests/attacks/test_writes.py).


def test_creates_and_queries_rows(site):
    add_and_query(site.client(csrf=False), *paths(site))


def test_flask_rows_are_in_the_book_table(flask_site):
    flask_site.client(csrf=False).post("/books/new", data=BOOKS[0])
    with flask_site.context():
        rows = db.session.execute(db.text("SELECT title, author, year, isbn FROM book")).all()
    assert [tuple(r) for r in rows] == [("Dune", "Frank Herbert", 1965, None)]


def test_flask_database_url_comes_from_the_environment(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", url)
    monkeypatch.setenv("FLASK_SECRET_KEY", SECRET)
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == url


# Django's own set-up --------------------------------------------------------


def test_django_a_book_reads_as_its_title():
    """What the page's shell line and the admin show for a row: its __str__."""
    from database.django_app.models import Book

    assert str(Book(title="Dune", author="Frank Herbert", year=1965)) == "Dune"


def test_django_create_view_only_accepts_post(django_site):
    assert django_site.client().get("/database/books/new/").status_code == 405


def test_django_migration_matches_the_model(db):
    """`makemigrations database`, as the page shows it, finds nothing left to write."""
    typed = section("database/django_commands.sh", "migrate")
    [makemigrations, migrate, showmigrations] = [shlex.split(line) for line in typed if not line.startswith("#")]
    assert makemigrations[:3] == ["python", "manage.py", "makemigrations"]
    assert migrate[:3] == ["python", "manage.py", "migrate"]
    out = io.StringIO()
    call_command(*makemigrations[2:], "--check", "--dry-run", stdout=out, skip_checks=True)
    assert "No changes detected" in out.getvalue()


# Hardening: bad input ------------------------------------------------------------

GOOD = {"title": "Dune", "author": "Frank Herbert", "year": "1965"}
BAD_FORMS = form_variants(GOOD, numbers=("year",))
BAD_QUERIES = query_variants("since")


@pytest.mark.parametrize("case", BAD_FORMS)
def test_a_bad_book_is_a_400_and_saves_nothing(site, case):
    client = site.client(csrf=False)
    new, books, _ = paths(site)
    response = client.post(new, data=BAD_FORMS[case], content_type="application/x-www-form-urlencoded")
    if "not UTF-8" in case and "year" not in case:  # decoded with replacement characters: odd text, still text
        assert response.status_code == 201, case
        return
    assert response.status_code == 400, case
    assert as_json(response)["errors"]
    assert as_json(client.get(books)) == {"books": []}


@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=list(BAD_QUERIES))
def test_a_since_that_is_not_a_year_is_a_400(site, query):
    response = site.client().get(f"{paths(site)[1]}?{query}")
    assert response.status_code == 400
    assert set(as_json(response)["errors"]) == {"since"}

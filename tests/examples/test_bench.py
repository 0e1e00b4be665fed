"""The benchmark apps `make measure` serves: every endpoint answers, the admin lists its rows, strangers stay out.

tools/measure.py times these apps; these tests check that what it times is
correct, as readers would see it. The speed itself is never asserted here.
"""

from __future__ import annotations

import asyncio
import importlib
import io
import re
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from bench.django_app.models import Book
from bench.flask_app import create_app
from bench.flask_models import Book as FlaskBook
from bench.flask_models import db
from tests.examples.browsing import csrf_token

PASSWORD = "a long staff passphrase"
NUMBERS = list(range(1, 11))
TITLES = re.compile(r">\s*Book (\d+)\s*<")


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(tmp_path):
    app = create_app({"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'bench.sqlite3'}"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-bench", "--rows", "300"]).output == "300 books\n"
    added = runner.invoke(args=["add-staff", "staff"], env={"STAFF_PASSWORD": PASSWORD})
    assert added.exit_code == 0, added.output
    yield app
    with app.app_context():
        db.engine.dispose()


def test_flask_factory_loads_every_add_on_the_cookbook_uses(flask_app):
    assert {"sqlalchemy", "migrate", "csrf", "admin"} <= set(flask_app.extensions)
    assert flask_app.login_manager is not None


def test_flask_endpoints_answer_like_the_django_ones(flask_app):
    client = flask_app.test_client()
    text = client.get("/text/")
    assert (text.status_code, text.mimetype, text.text) == (200, "text/plain", "Hello, world!")
    assert client.get("/json/").json == {"message": "Hello, world!", "numbers": NUMBERS}
    page = client.get("/page/")
    assert page.status_code == 200 and "<h1>Ten numbers</h1>" in page.text
    assert re.findall(r"<li>Number (\d+)</li>", page.text) == [str(n) for n in NUMBERS]
    books = client.get("/books/").json["books"]
    assert [b["title"] for b in books] == [f"Book {n}" for n in range(1, 11)]
    assert books[0] == {"title": "Book 1", "author": "Author 1", "year": 1901}
    assert client.get("/wait/").json == {"waited_ms": 10}
    assert client.post("/json/").status_code == 405


def test_flask_seed_replaces_the_rows_and_refuses_a_second_staff_account(flask_app):
    runner = flask_app.test_cli_runner()
    assert runner.invoke(args=["seed-bench", "--rows", "12"]).exit_code == 0
    with flask_app.app_context():
        assert db.session.query(FlaskBook).count() == 12
    again = runner.invoke(args=["add-staff", "staff"], env={"STAFF_PASSWORD": PASSWORD})
    assert again.exit_code == 1 and "'staff' already exists" in again.output
    assert runner.invoke(args=["seed-bench", "--rows", "0"]).exit_code == 2


def test_flask_admin_sends_strangers_to_the_login_page(flask_app):
    client = flask_app.test_client()
    for url in ("/admin/", "/admin/book/"):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"] == "/login/"


def test_flask_login_refuses_a_forged_post_wrong_password_and_missing_fields(flask_app):
    client = flask_app.test_client()
    forged = client.post("/login/", data={"username": "staff", "password": PASSWORD})
    assert forged.status_code == 400  # no CSRF token: Flask-WTF refuses it
    token = csrf_token(client.get("/login/").text)
    wrong = client.post("/login/", data={"csrf_token": token, "username": "staff", "password": "guess"})
    assert wrong.status_code == 200 and "Wrong username or password." in wrong.text
    assert client.post("/login/", data={"csrf_token": token, "username": "staff"}).status_code == 400
    assert client.get("/admin/book/").status_code == 302


def test_flask_admin_lists_one_hundred_of_the_rows_after_sign_in(flask_app):
    client = flask_app.test_client()
    token = csrf_token(client.get("/login/").text)
    signed_in = client.post("/login/", data={"csrf_token": token, "username": "staff", "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/admin/"
    listing = client.get("/admin/book/")
    assert listing.status_code == 200
    assert len(TITLES.findall(listing.text)) == 100


# Django --------------------------------------------------------------------

pytestmark_django = pytest.mark.urls("bench.django_app.root_urls")


@pytest.fixture
def books(db):
    call_command("seed_bench", rows=300, stdout=io.StringIO())
    return Book.objects.all()


@pytestmark_django
def test_django_endpoints_answer_like_the_flask_ones(client, books):
    text = client.get("/text/")
    assert (text.status_code, text["Content-Type"], text.content) == (200, "text/plain", b"Hello, world!")
    assert client.get("/json/").json() == {"message": "Hello, world!", "numbers": NUMBERS}
    page = client.get("/page/").content.decode()
    assert "<h1>Ten numbers</h1>" in page
    assert re.findall(r"<li>Number (\d+)</li>", page) == [str(n) for n in NUMBERS]
    found = client.get("/books/").json()["books"]
    assert [b["title"] for b in found] == [f"Book {n}" for n in range(1, 11)]
    assert found[0] == {"title": "Book 1", "author": "Author 1", "year": 1901}
    assert client.post("/json/").status_code == 405


@pytestmark_django
def test_django_async_endpoint_answers(async_client):
    response = asyncio.run(async_client.get("/wait/"))
    assert response.json() == {"waited_ms": 10}
    assert asyncio.run(async_client.post("/wait/")).status_code == 405


@pytest.mark.django_db
def test_django_seed_replaces_the_rows_and_refuses_zero(books):
    assert books.count() == 300
    call_command("seed_bench", rows=12, stdout=io.StringIO())
    assert Book.objects.count() == 12
    with pytest.raises(CommandError, match="--rows must be 1 or more"):
        call_command("seed_bench", rows=0)


@pytestmark_django
def test_django_admin_sends_strangers_to_its_login(client, db):
    response = client.get("/admin/bench/book/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=/admin/bench/book/"


@pytestmark_django
def test_django_admin_refuses_a_login_without_csrf_token(db, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.com", PASSWORD)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/admin/login/", {"username": "staff", "password": PASSWORD}).status_code == 403


@pytestmark_django
def test_django_admin_lists_one_hundred_of_the_rows(admin_client, books):
    listing = admin_client.get("/admin/bench/book/")
    assert listing.status_code == 200
    assert len(TITLES.findall(listing.content.decode())) == 100


# The settings the benchmark serves Django with ---------------------------------


def load(module: str, monkeypatch, **env: str):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, module, raising=False)
    return importlib.import_module(module)


def test_django_settings_run_without_debug_with_the_usual_parts(monkeypatch):
    full = load("bench.django_app.settings", monkeypatch, DJANGO_SECRET_KEY="from-the-environment")
    assert full.DEBUG is False and full.SECRET_KEY == "from-the-environment"
    assert {"django.contrib.admin", "django.contrib.sessions", "bench.django_app"} <= set(full.INSTALLED_APPS)
    assert "django.middleware.csrf.CsrfViewMiddleware" in full.MIDDLEWARE
    small = load("bench.django_app.settings_small", monkeypatch, DJANGO_SECRET_KEY="from-the-environment")
    assert small.DEBUG is False and small.INSTALLED_APPS == [] and small.MIDDLEWARE == []
    assert small.ROOT_URLCONF == "hello.django_app.urls"

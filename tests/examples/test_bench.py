"""The benchmark apps `make measure` serves: every endpoint answers, the admin lists its rows, strangers stay out.

tools/measure.py times these apps; these tests check that what it times is
correct, as readers would see it. The speed itself is never asserted here.
"""

from __future__ import annotations

import asyncio
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import AsyncClient

from tests.examples.browsing import body
from tests.examples.serving import fresh_settings

PASSWORD = "a long staff passphrase"
NUMBERS = list(range(1, 11))
TITLES = re.compile(r">\s*Book (\d+)\s*<")
# Per framework: the sign-in page, the admin's book list, what a wrong password is told.
ADMIN = {
    "flask": ("/login/", "/admin/book/", "Wrong username or password."),
    "django": ("/admin/login/", "/admin/bench/book/", "Please enter the correct username and password"),
}


@pytest.fixture
def bench(site):
    """Either app (the benchmark's own URLs) with 300 books and a staff account, as `make measure` seeds them."""
    return seeded(site)


def seeded(site):
    if site.framework == "flask":
        runner = site.app.test_cli_runner()
        assert runner.invoke(args=["seed-bench", "--rows", "300"]).output == "300 books\n"
        added = runner.invoke(args=["add-staff", "staff"], env={"STAFF_PASSWORD": PASSWORD})
        assert added.exit_code == 0, added.output
    else:
        call_command("seed_bench", rows=300, stdout=io.StringIO())
        get_user_model().objects.create_superuser("staff", "staff@example.com", PASSWORD)
    return site


def wait(site, method: str = "get"):
    """/wait/, an async view: Django's is reached through its async client."""
    if site.framework == "flask":
        return getattr(site.client(csrf=False), method)("/wait/")
    return asyncio.run(getattr(AsyncClient(), method)("/wait/"))


def test_the_endpoints_answer_alike(bench):
    client = bench.client(csrf=False)
    text = client.get("/text/")
    assert (text.status_code, text.headers["Content-Type"].split(";")[0]) == (200, "text/plain")
    assert body(text) == "Hello, world!"
    assert json.loads(body(client.get("/json/"))) == {"message": "Hello, world!", "numbers": NUMBERS}
    page = body(client.get("/page/"))
    assert "<h1>Ten numbers</h1>" in page
    assert re.findall(r"<li>Number (\d+)</li>", page) == [str(n) for n in NUMBERS]
    books = json.loads(body(client.get("/books/")))["books"]
    assert [b["title"] for b in books] == [f"Book {n}" for n in range(1, 11)]
    assert books[0] == {"title": "Book 1", "author": "Author 1", "year": 1901}
    assert json.loads(body(wait(bench))) == {"waited_ms": 10}
    assert client.post("/json/").status_code == wait(bench, "post").status_code == 405


def test_the_admin_sends_strangers_to_sign_in(site):
    strangers = {"flask": {"/admin/": "/login/", "/admin/book/": "/login/"}}
    strangers["django"] = {"/admin/bench/book/": "/admin/login/?next=/admin/bench/book/"}
    for url, login in strangers[site.framework].items():
        response = site.client().get(url)
        assert response.status_code == 302 and response.headers["Location"] == login


def test_the_admin_lists_one_hundred_of_the_rows_to_staff_only(bench):
    login, listing, wrong_password = ADMIN[bench.framework]
    browser = bench.browser()
    assert bench.client().post(login, data={"username": "staff", "password": PASSWORD}).status_code in {400, 403}
    wrong = browser.submit(login, {"username": "staff", "password": "guess"})
    assert wrong.status_code == 200 and wrong_password in body(wrong)
    assert browser.get(listing).status_code == 302
    assert browser.submit(login, {"username": "staff", "password": PASSWORD}).status_code == 302
    shown = browser.get(listing)
    assert shown.status_code == 200 and len(TITLES.findall(body(shown))) == 100


def test_flask_factory_loads_every_add_on_the_cookbook_uses(flask_site):
    assert {"sqlalchemy", "migrate", "csrf", "admin"} <= set(flask_site.app.extensions)
    assert flask_site.app.login_manager is not None


def test_flask_seed_replaces_the_rows_and_refuses_a_second_staff_account(flask_site):
    runner = seeded(flask_site).app.test_cli_runner()
    assert runner.invoke(args=["seed-bench", "--rows", "12"]).exit_code == 0
    assert flask_site.count("book") == 12
    again = runner.invoke(args=["add-staff", "staff"], env={"STAFF_PASSWORD": PASSWORD})
    assert again.exit_code == 1 and "'staff' already exists" in again.output
    assert runner.invoke(args=["seed-bench", "--rows", "0"]).exit_code == 2


def test_django_seed_replaces_the_rows_and_refuses_zero(django_site):
    assert seeded(django_site).count("book") == 300
    call_command("seed_bench", rows=12, stdout=io.StringIO())
    assert django_site.count("book") == 12
    with pytest.raises(CommandError, match="--rows must be 1 or more"):
        call_command("seed_bench", rows=0)


# The settings the benchmark serves Django with ---------------------------------


def test_django_settings_run_without_debug_with_the_usual_parts(monkeypatch):
    full = fresh_settings("bench.django_app.settings", monkeypatch, DJANGO_SECRET_KEY="from-the-environment")
    assert full.DEBUG is False and full.SECRET_KEY == "from-the-environment"
    assert {"django.contrib.admin", "django.contrib.sessions", "bench.django_app"} <= set(full.INSTALLED_APPS)
    assert "django.middleware.csrf.CsrfViewMiddleware" in full.MIDDLEWARE
    small = fresh_settings("bench.django_app.settings_small", monkeypatch, DJANGO_SECRET_KEY="from-the-environment")
    assert small.DEBUG is False and small.INSTALLED_APPS == [] and small.MIDDLEWARE == []
    assert small.ROOT_URLCONF == "hello.django_app.urls"

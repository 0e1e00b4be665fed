"""Authentication: visitors turned away, the right password signs in, the session remembers, logout ends it.

The Django tests use a URLconf that mounts the example at /auth/, as the project
does, so the redirect to settings.LOGIN_URL (/auth/login/) lands on the example's
login view; no other topic's URLs are involved.
"""

from __future__ import annotations

import html
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import include, path
from sqlalchemy import inspect

from auth.flask_app import create_app
from auth.flask_models import User, db
from tests.examples.browsing import csrf_token
from tests.examples.conftest import EXAMPLES, section
from tests.examples.garbage import form_variants, is_client_error

urlpatterns = [path("auth/", include("auth.django_app.urls"))]

PASSWORD = "correct horse battery staple"


def visits(page: str) -> int:
    return int(re.search(r"Visits to this page in this session: (\d+)", page).group(1))


# Flask ---------------------------------------------------------------------

SECRET = "a-long-random-value-from-the-environment"


def sign_in(client, password=PASSWORD, username="alice", query=""):
    """What the browser does: load the form, then post it with the form's token."""
    token = csrf_token(client.get("/login").text)
    return client.post(f"/login{query}", data={"username": username, "password": password, "csrf_token": token})


def sign_out(client):
    return client.post("/logout", data={"csrf_token": csrf_token(client.get("/private").text)})


@pytest.fixture
def flask_app(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'users.sqlite3'}", "SECRET_KEY": SECRET})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    result = runner.invoke(args=["create-user", "alice"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Created user alice." in result.output
    yield app
    with app.app_context():
        db.engine.dispose()


def test_flask_stores_a_salted_scrypt_hash_not_the_password(flask_app):
    with flask_app.app_context():
        stored = db.session.scalar(db.select(User.password_hash))
    assert PASSWORD not in stored
    assert stored.startswith("scrypt:")


def test_flask_protected_page_redirects_anonymous_visitors(flask_app):
    response = flask_app.test_client().get("/private")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fprivate"
    login_page = flask_app.test_client().get("/private", follow_redirects=True)
    assert "Please log in to access this page." in login_page.text


def test_flask_wrong_password_shows_the_error(flask_app):
    client = flask_app.test_client()
    response = sign_in(client, "wrong")
    assert response.status_code == 200
    assert "Wrong username or password." in response.text
    assert client.get("/private").status_code == 302
    unknown = sign_in(client, username="bob")
    assert unknown.status_code == 200
    assert "Wrong username or password." in unknown.text


def test_flask_login_session_and_logout(flask_app):
    client = flask_app.test_client()
    assert client.get("/login").status_code == 200
    response = sign_in(client, query="?next=%2Fprivate")
    assert response.status_code == 302 and response.headers["Location"] == "/private"

    # The session cookie carries who is signed in and the visit counter, signed.
    first, second = client.get("/private"), client.get("/private")
    assert "Signed in as alice." in first.text
    assert (visits(first.text), visits(second.text)) == (1, 2)
    cookie = client.get_cookie("session")
    data = flask_app.session_interface.get_signing_serializer(flask_app).loads(cookie.value)
    assert data["visits"] == 2 and data["_user_id"] == "1"

    response = sign_out(client)
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get_cookie("session") is None  # nothing left to remember
    assert client.get("/private").status_code == 302


def test_flask_old_session_cookie_still_works_after_logout(flask_app):
    """The server keeps no record of a cookie session, so it cannot revoke a copied cookie."""
    client = flask_app.test_client()
    sign_in(client)
    copied = client.get_cookie("session").value
    sign_out(client)
    client.set_cookie("session", copied)
    assert client.get("/private").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example"])
def test_flask_login_ignores_a_next_that_leaves_the_site(flask_app, target):
    client = flask_app.test_client()
    response = sign_in(client, query=f"?next={quote(target)}")
    assert response.headers["Location"] == "/private"


def test_flask_refuses_a_forged_cross_site_login(flask_app):
    """A hostile page can post the attacker's own credentials (login CSRF); without the token it is refused."""
    client = flask_app.test_client()
    forged = client.post(
        "/login", data={"username": "alice", "password": PASSWORD}, headers={"Origin": "https://evil.example"}
    )
    assert forged.status_code == 400 and "CSRF token is missing" in forged.text
    assert client.get("/private").status_code == 302
    assert sign_in(client).status_code == 302  # the same POST with the form's token
    assert client.get("/private").status_code == 200


def test_flask_refuses_a_forged_cross_site_logout(flask_app):
    client = flask_app.test_client()
    sign_in(client)
    forged = client.post("/logout", headers={"Origin": "https://evil.example"})
    assert forged.status_code == 400
    assert client.get("/private").status_code == 200  # still signed in
    assert sign_out(client).status_code == 302
    assert client.get("/private").status_code == 302


def test_flask_factory_leaves_the_schema_to_the_init_db_command(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'u.sqlite3'}", "SECRET_KEY": SECRET})
    with app.app_context():
        assert inspect(db.engine).get_table_names() == []
        db.engine.dispose()


def test_flask_login_answers_bad_input_with_4xx(flask_app):
    client = flask_app.test_client()
    token = csrf_token(client.get("/login").text)
    for case, body in form_variants({"username": "alice", "password": PASSWORD}).items():
        response = client.post(
            "/login", data=f"csrf_token={token}&{body}", content_type="application/x-www-form-urlencoded"
        )
        if "not UTF-8" in case:  # decoded with replacement characters: simply a wrong password
            assert response.status_code == 200 and "Wrong username or password." in response.text, case
        else:
            assert is_client_error(response.status_code), case
        assert client.get("/private").status_code == 302, case


# Django --------------------------------------------------------------------


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user(username="alice", password=PASSWORD)


@pytest.mark.urls(__name__)
def test_django_stores_a_salted_pbkdf2_hash_not_the_password(alice):
    assert PASSWORD not in alice.password
    assert alice.password.startswith("pbkdf2_sha256$")


@pytest.mark.urls(__name__)
def test_django_protected_page_redirects_anonymous_visitors(client, settings):
    response = client.get("/auth/private/")
    assert response.status_code == 302
    assert response["Location"] == f"{settings.LOGIN_URL}?next=/auth/private/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.urls(__name__)
def test_django_wrong_password_shows_the_error(client, alice):
    response = client.post("/auth/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    expected = AuthenticationForm.error_messages["invalid_login"] % {"username": "username"}
    assert expected in html.unescape(response.content.decode())
    assert client.get("/auth/private/").status_code == 302


@pytest.mark.urls(__name__)
def test_django_login_session_and_logout(client, alice):
    response = client.post("/auth/login/?next=/auth/private/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/auth/private/"

    # The cookie holds only a key; the data lives in the database.
    first, second = client.get("/auth/private/"), client.get("/auth/private/")
    assert "Signed in as alice." in first.content.decode()
    assert (visits(first.content.decode()), visits(second.content.decode())) == (1, 2)
    key = client.cookies["sessionid"].value
    stored = Session.objects.get(session_key=key).get_decoded()
    assert stored["visits"] == 2 and stored["_auth_user_id"] == str(alice.pk)

    # Logging out is a POST; it ends the session on the server as well.
    assert client.get("/auth/logout/").status_code == 405
    response = client.post("/auth/logout/")
    assert response.status_code == 302 and response["Location"] == "/auth/login/"
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/auth/private/").status_code == 302
    # A copy of the old cookie is worthless now: its row is gone.
    client.cookies["sessionid"] = key
    assert client.get("/auth/private/").status_code == 302


@pytest.mark.urls(__name__)
def test_django_login_without_next_goes_to_the_private_page(client, alice):
    response = client.post("/auth/login/", {"username": "alice", "password": PASSWORD})
    assert response["Location"] == "/auth/private/"
    response = client.post("/auth/login/?next=https://evil.example/", {"username": "alice", "password": PASSWORD})
    assert response["Location"] == "/auth/private/"


class FasterPBKDF2(PBKDF2PasswordHasher):
    """The same hasher with fewer rounds, so timing several logins stays quick; the ratio is what counts."""

    iterations = 50_000


@pytest.mark.urls(__name__)
def test_django_refuses_forged_cross_site_login_and_logout(alice):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/auth/login/", {"username": "alice", "password": PASSWORD}).status_code == 403
    form = browser.get("/auth/login/").content.decode()
    signed_in = browser.post(
        "/auth/login/",
        {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(form)},
    )
    assert signed_in.status_code == 302
    assert browser.post("/auth/logout/").status_code == 403
    assert browser.get("/auth/private/").status_code == 200  # still signed in
    page = browser.get("/auth/private/").content.decode()
    assert browser.post("/auth/logout/", {"csrfmiddlewaretoken": csrf_token(page)}).status_code == 302
    assert browser.get("/auth/private/").status_code == 302


@pytest.mark.urls(__name__)
def test_django_login_answers_bad_input_without_an_error(client, settings, django_user_model):
    """LoginView shows the form again with its message (200), never a 500, and signs nobody in."""
    settings.PASSWORD_HASHERS = [f"{__name__}.FasterPBKDF2"]  # many attempts; the hasher is not under test
    django_user_model.objects.create_user(username="alice", password=PASSWORD)
    for case, body in form_variants({"username": "alice", "password": PASSWORD}).items():
        response = client.post("/auth/login/", data=body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200, case
        assert client.get("/auth/private/").status_code == 302, case


def test_the_flask_commands_on_the_page_create_the_table_and_a_user(tmp_path):
    """The page's lines before `run`, typed into a shell, with the database pointed at a scratch file."""
    lines = [line for line in section("auth/flask_commands.sh", "run") if not line.startswith("#")]
    setup = [line for line in lines if " run " not in line]
    database = tmp_path / "users.sqlite3"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "FLASK_SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
    }
    env.pop("FLASK_SECRET_KEY", None)  # the page's lines set it
    done = subprocess.run(
        ["bash", "-c", "set -e\n" + "\n".join(setup)],
        cwd=EXAMPLES,
        env=env,
        input=f"{PASSWORD}\n{PASSWORD}\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Created user alice." in done.stdout
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT username FROM user").fetchall() == [("alice",)]

"""Authentication: protected pages turn visitors away, the right password signs in, the session remembers, logout ends it.

The Django tests use a URLconf that mounts the example at /auth/, as the project
does, so the redirect to settings.LOGIN_URL (/auth/login/) lands on the example's
login view; no other topic's URLs are involved.
"""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.sessions.models import Session
from django.urls import include, path

from auth.flask_app import create_app
from auth.flask_models import User, db

urlpatterns = [path("auth/", include("auth.django_app.urls"))]

PASSWORD = "correct horse battery staple"


def visits(page: str) -> int:
    return int(re.search(r"Visits to this page in this session: (\d+)", page).group(1))


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'users.sqlite3'}"})
    result = app.test_cli_runner().invoke(args=["create-user", "alice"], input=f"{PASSWORD}\n{PASSWORD}\n")
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
    response = client.post("/login", data={"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "Wrong username or password." in response.text
    assert client.get("/private").status_code == 302
    unknown = client.post("/login", data={"username": "bob", "password": PASSWORD})
    assert "Wrong username or password." in unknown.text


def test_flask_login_session_and_logout(flask_app):
    client = flask_app.test_client()
    assert client.get("/login").status_code == 200
    response = client.post("/login?next=%2Fprivate", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/private"

    # The session cookie carries who is signed in and the visit counter, signed.
    first, second = client.get("/private"), client.get("/private")
    assert "Signed in as alice." in first.text
    assert (visits(first.text), visits(second.text)) == (1, 2)
    cookie = client.get_cookie("session")
    data = flask_app.session_interface.get_signing_serializer(flask_app).loads(cookie.value)
    assert data["visits"] == 2 and data["_user_id"] == "1"

    response = client.post("/logout")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get_cookie("session") is None  # nothing left to remember
    assert client.get("/private").status_code == 302


def test_flask_old_session_cookie_still_works_after_logout(flask_app):
    """The server keeps no record of a cookie session, so it cannot revoke a copied cookie."""
    client = flask_app.test_client()
    client.post("/login", data={"username": "alice", "password": PASSWORD})
    copied = client.get_cookie("session").value
    client.post("/logout")
    client.set_cookie("session", copied)
    assert client.get("/private").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example"])
def test_flask_login_ignores_a_next_that_leaves_the_site(flask_app, target):
    client = flask_app.test_client()
    response = client.post("/login", query_string={"next": target}, data={"username": "alice", "password": PASSWORD})
    assert response.headers["Location"] == "/private"


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

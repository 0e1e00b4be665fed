"""Authentication: visitors turned away, the right password signs in, the session remembers, logout ends it.

Each test runs on both frameworks where they behave alike (the `site` fixture,
tests/examples/apps.py), at the paths the page gives (/auth/... on Django, where
settings.LOGIN_URL points); the session tests show where the two differ. A login
or logout posted without its CSRF token is the attack suite's csrf rule
(tests/attacks/test_writes.py); the page's commands run in its Run-it walk
(tests/examples/test_run_it.py), and `add_alice` runs the same commands here.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session
from sqlalchemy import inspect

from auth.flask_app import create_app
from auth.flask_models import User, db
from tests.examples.browsing import body, csrf_token
from tests.examples.garbage import form_variants, is_client_error

PASSWORD = "correct horse battery staple"
SECRET = "a-long-random-value-from-the-environment"
WRONG = {
    "flask": "Wrong username or password.",
    "django": AuthenticationForm.error_messages["invalid_login"] % {"username": "username"},
}
TOKEN = {"flask": "csrf_token", "django": "csrfmiddlewaretoken"}


def url(site, name: str) -> str:
    return site.url(name if site.framework == "flask" else f"{name}/")


def visits(page: str) -> int:
    return int(re.search(r"Visits to this page in this session: (\d+)", page).group(1))


def sign_in(site, client, password=PASSWORD, username="alice", query=""):
    """What the browser does: load the form, then post it with the form's token."""
    token = csrf_token(body(client.get(url(site, "login"))))
    data = {"username": username, "password": password, TOKEN[site.framework]: token}
    return client.post(f"{url(site, 'login')}{query}", data=data)


def sign_out(site, client):
    token = csrf_token(body(client.get(url(site, "private"))))
    return client.post(url(site, "logout"), data={TOKEN[site.framework]: token})


class FasterPBKDF2(PBKDF2PasswordHasher):
    """The same hasher with fewer rounds, so many logins stay quick; the hasher is not under test."""

    iterations = 50_000


def add_alice(site):
    """The user alice: in Flask by the page's commands, in Django by the ORM."""
    if site.framework == "flask":
        runner = site.app.test_cli_runner()
        assert runner.invoke(args=["init-db"]).exit_code == 0
        result = runner.invoke(args=["create-user", "alice"], input=f"{PASSWORD}\n{PASSWORD}\n")
        assert result.exit_code == 0 and "Created user alice." in result.output, result.output
        with site.context():
            return db.session.scalar(db.select(User.password_hash))
    return get_user_model().objects.create_user(username="alice", password=PASSWORD).password


@pytest.fixture
def alice(site, settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.FasterPBKDF2"]
    add_alice(site)
    return site


def test_stores_a_salted_slow_hash_not_the_password(site):
    stored = add_alice(site)
    assert PASSWORD not in stored
    assert stored.startswith({"flask": "scrypt:", "django": "pbkdf2_sha256$"}[site.framework])


def test_protected_page_redirects_anonymous_visitors(site):
    client = site.client()
    response = client.get(url(site, "private"))
    assert response.status_code == 302
    private = quote(url(site, "private"), safe="" if site.framework == "flask" else "/")
    assert response.headers["Location"] == f"{url(site, 'login')}?next={private}"
    login_page = client.get(response.headers["Location"])
    assert login_page.status_code == 200
    if site.framework == "flask":
        assert "Please log in to access this page." in login_page.text


def test_wrong_password_or_unknown_user_shows_the_error(alice):
    client = alice.client()
    for username, password in [("alice", "wrong"), ("bob", PASSWORD)]:
        response = sign_in(alice, client, password, username)
        assert response.status_code == 200
        assert WRONG[alice.framework] in html.unescape(body(response))
    assert client.get(url(alice, "private")).status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example"])
def test_login_ignores_a_next_that_leaves_the_site(alice, target):
    response = sign_in(alice, alice.client(), query=f"?next={quote(target)}")
    assert response.headers["Location"] == url(alice, "private")


def test_login_without_next_goes_to_the_private_page(alice):
    assert sign_in(alice, alice.client()).headers["Location"] == url(alice, "private")


def test_login_answers_bad_input_without_an_error(alice):
    """Flask-WTF refuses a broken form (4xx), LoginView shows it again (200); never a 500, nobody signed in."""
    client = alice.client()
    token = csrf_token(body(client.get(url(alice, "login"))))
    for case, sent in form_variants({"username": "alice", "password": PASSWORD}).items():
        response = client.post(
            url(alice, "login"),
            data=f"{TOKEN[alice.framework]}={token}&{sent}",
            content_type="application/x-www-form-urlencoded",
        )
        if alice.framework == "django" or "not UTF-8" in case:  # an odd name is simply a wrong password
            assert response.status_code == 200, case
            assert alice.framework == "django" or WRONG["flask"] in body(response), case
        else:
            assert is_client_error(response.status_code), case
        assert client.get(url(alice, "private")).status_code == 302, case


# The session: a signed cookie in Flask, a database row in Django ----------------------


def test_flask_login_session_and_logout(flask_site):
    add_alice(flask_site)
    app, client = flask_site.app, flask_site.client()
    response = sign_in(flask_site, client, query="?next=%2Fprivate")
    assert response.status_code == 302 and response.headers["Location"] == "/private"

    # The session cookie carries who is signed in and the visit counter, signed.
    first, second = client.get("/private"), client.get("/private")
    assert "Signed in as alice." in first.text
    assert (visits(first.text), visits(second.text)) == (1, 2)
    cookie = client.get_cookie("session")
    data = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    assert data["visits"] == 2 and data["_user_id"] == "1"

    response = sign_out(flask_site, client)
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get_cookie("session") is None  # nothing left to remember
    assert client.get("/private").status_code == 302


def test_flask_old_session_cookie_still_works_after_logout(flask_site):
    """The server keeps no record of a cookie session, so it cannot revoke a copied cookie."""
    add_alice(flask_site)
    client = flask_site.client()
    sign_in(flask_site, client)
    copied = client.get_cookie("session").value
    sign_out(flask_site, client)
    client.set_cookie("session", copied)
    assert client.get("/private").status_code == 200


def test_django_login_session_and_logout(django_site):
    add_alice(django_site)
    client = django_site.client()
    response = sign_in(django_site, client, query="?next=/auth/private/")
    assert response.status_code == 302 and response["Location"] == "/auth/private/"

    # The cookie holds only a key; the data lives in the database.
    first, second = client.get("/auth/private/"), client.get("/auth/private/")
    assert "Signed in as alice." in first.content.decode()
    assert (visits(first.content.decode()), visits(second.content.decode())) == (1, 2)
    key = client.cookies["sessionid"].value
    stored = Session.objects.get(session_key=key).get_decoded()
    assert stored["visits"] == 2 and stored["_auth_user_id"] == str(get_user_model().objects.get().pk)

    # Logging out is a POST; it ends the session on the server as well.
    assert client.get("/auth/logout/").status_code == 405
    response = sign_out(django_site, client)
    assert response.status_code == 302 and response["Location"] == "/auth/login/"
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/auth/private/").status_code == 302
    # A copy of the old cookie is worthless now: its row is gone.
    client.cookies["sessionid"] = key
    assert client.get("/auth/private/").status_code == 302


def test_flask_factory_leaves_the_schema_to_the_init_db_command(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'u.sqlite3'}", "SECRET_KEY": SECRET})
    with app.app_context():
        assert inspect(db.engine).get_table_names() == []
        db.engine.dispose()

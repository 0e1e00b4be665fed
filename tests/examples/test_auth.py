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
from tests.examples.garbage import form_variants

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


@pytest.mark.parametrize(
    "target", [None, "https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example"]
)
def test_login_goes_to_the_private_page_whatever_next_leaves_the_site_for(alice, target):
    query = "" if target is None else f"?next={quote(target)}"
    assert sign_in(alice, alice.client(), query=query).headers["Location"] == url(alice, "private")


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
            assert 400 <= response.status_code < 500, case
        assert client.get(url(alice, "private")).status_code == 302, case


# The session: a signed cookie in Flask, a database row in Django ----------------------


def cookie(site, client, value=None) -> str | None:
    """The session cookie's value; with ``value``, the browser's copy is set to it first."""
    if site.framework == "flask":
        if value is not None:
            client.set_cookie("session", value)
        found = client.get_cookie("session")
        return found.value if found else None
    if value is not None:
        client.cookies["sessionid"] = value
    return client.cookies["sessionid"].value if "sessionid" in client.cookies else None


def session(site, client) -> tuple[int, str]:
    """(visits, the user's id) as the server reads the session: in Flask from the signed cookie
    itself, in Django from the database row the cookie holds the key of."""
    if site.framework == "flask":
        data = site.app.session_interface.get_signing_serializer(site.app).loads(cookie(site, client))
        return data["visits"], data["_user_id"]
    data = Session.objects.get(session_key=cookie(site, client)).get_decoded()
    return data["visits"], data["_auth_user_id"]


def test_the_session_counts_visits_and_logout_ends_it(alice):
    client, private = alice.client(), url(alice, "private")
    response = sign_in(alice, client, query=f"?next={quote(private, safe='')}")
    assert response.status_code == 302 and response.headers["Location"] == private
    first, second = client.get(private), client.get(private)
    assert "Signed in as alice." in body(first)
    assert (visits(body(first)), visits(body(second))) == (1, 2)
    user = 1 if alice.framework == "flask" else get_user_model().objects.get().pk
    assert session(alice, client) == (2, str(user))

    copied = cookie(alice, client)
    assert client.get(url(alice, "logout")).status_code == 405  # logging out is a POST
    response = sign_out(alice, client)
    assert response.status_code == 302 and response.headers["Location"] == url(alice, "login")
    if alice.framework == "flask":
        assert cookie(alice, client) is None  # nothing left to remember
    else:
        assert not Session.objects.filter(session_key=copied).exists()
    assert client.get(private).status_code == 302
    # A copy of the old cookie: Flask keeps no record of a cookie session, so it cannot revoke
    # one; Django deleted the row, so the copy is worthless.
    cookie(alice, client, copied)
    assert client.get(private).status_code == {"flask": 200, "django": 302}[alice.framework]


def test_flask_factory_leaves_the_schema_to_the_init_db_command(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'u.sqlite3'}", "SECRET_KEY": SECRET})
    with app.app_context():
        assert inspect(db.engine).get_table_names() == []
        db.engine.dispose()

"""Password reset: the tests read the message each app really sent (a real SMTP server for
Flask, Django's outbox), follow its link, set a password and sign in with it; links expire,
work once, cannot be forged, and an unknown address gets the same answer as a known one."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta
from email import message_from_bytes, policy

import django
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client
from django.urls import include, path
from werkzeug.security import generate_password_hash

from password_reset.django_app import settings as topic
from password_reset.flask_app import create_app
from password_reset.flask_models import User, db
from tests.conftest import free_port
from tests.examples.browsing import csrf_token
from tests.examples.conftest import section

urlpatterns = [path("password_reset/", include("password_reset.django_app.urls"))]

OLD, NEW = "correct horse battery staple", "a new and longer passphrase"
LINK = re.compile(r"https?://\S+")
OLD_HASH = generate_password_hash(OLD)


class Inbox:
    """aiosmtpd handler: keeps every message the server accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture(scope="module")
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(tmp_path, smtp):
    controller, inbox = smtp
    inbox.messages.clear()
    app = create_app(
        {
            "SECRET_KEY": "test-only",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'reset.sqlite3'}",
            "MAIL_SERVER": controller.hostname,
            "MAIL_PORT": controller.port,
        }
    )
    with app.app_context():  # a hash made once: scrypt takes a noticeable time per call
        db.session.add(User(email="alice@example.com", password_hash=OLD_HASH))
        db.session.commit()
    app.inbox = inbox
    yield app
    with app.app_context():
        db.engine.dispose()


def post_form(client, url: str, **fields):
    token = csrf_token(client.get(url).text)
    return client.post(url, data={"csrf_token": token, **fields})


def request_link(app, client, email="alice@example.com") -> str:
    response = post_form(client, "/reset/", email=email)
    assert response.status_code == 302 and response.headers["Location"] == "/reset/sent/"
    [message] = app.inbox.messages
    assert message["To"] == "alice@example.com" and message["Subject"] == "Reset your password"
    return LINK.search(message.get_body().get_content()).group()


def test_flask_reset_by_the_emailed_link_then_sign_in_with_the_new_password(flask_app):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    assert link.startswith("http://localhost/reset/")
    page = client.get(link)
    assert page.status_code == 200 and "Choose a new password" in page.text
    assert page.headers["Referrer-Policy"] == "no-referrer"
    response = post_form(client, link, password=NEW, confirm=NEW)
    assert response.status_code == 302 and response.headers["Location"] == "/login/"
    assert "Your password is set." in client.get("/login/").text
    assert post_form(client, "/login/", email="alice@example.com", password=OLD).status_code == 200
    signed_in = post_form(client, "/login/", email="ALICE@example.com", password=NEW)
    assert signed_in.headers["Location"] == "/account/"
    assert "Signed in as alice@example.com." in client.get("/account/").text


def test_flask_a_link_works_once(flask_app):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    post_form(client, link, password=NEW, confirm=NEW)
    again = client.get(link)
    assert again.status_code == 400 and "The link has expired or was used." in again.text


def test_flask_a_link_expires_after_an_hour(flask_app, monkeypatch):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    now = time.time()
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: now + 3599)
    assert client.get(link).status_code == 200
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: now + 3601)
    assert client.get(link).status_code == 400


@pytest.mark.parametrize("token", ["forged", "eyJpZCI6MX0.abc.def", "x" * 500])
def test_flask_a_forged_token_is_refused(flask_app, token):
    assert flask_app.test_client().get(f"/reset/{token}/").status_code == 400


def test_flask_a_token_signed_with_another_key_is_refused(flask_app):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    flask_app.config["SECRET_KEY"] = "rotated"
    assert client.get(link).status_code == 400


def test_flask_an_unknown_address_gets_the_same_answer_and_no_mail(flask_app):
    client = flask_app.test_client()
    known = post_form(client, "/reset/", email="alice@example.com")
    unknown = post_form(client, "/reset/", email="mallory@example.com")
    assert (unknown.status_code, unknown.headers["Location"]) == (known.status_code, known.headers["Location"])
    assert [m["To"] for m in flask_app.inbox.messages] == ["alice@example.com"]
    assert "If an account uses that address, we have sent it a link." in client.get(known.headers["Location"]).text


def test_flask_a_mail_server_that_is_down_changes_nothing_for_the_visitor(flask_app, caplog):
    flask_app.config["MAIL_PORT"] = free_port()  # nothing listens there
    response = post_form(flask_app.test_client(), "/reset/", email="alice@example.com")
    assert response.headers["Location"] == "/reset/sent/"
    assert "Could not send the reset email to user 1" in caplog.text


def test_flask_refuses_to_send_in_clear_when_told_to_use_tls(flask_app, caplog):
    flask_app.config["MAIL_USE_TLS"] = True  # the test server offers no STARTTLS
    response = post_form(flask_app.test_client(), "/reset/", email="alice@example.com")
    assert response.headers["Location"] == "/reset/sent/"
    assert flask_app.inbox.messages == []
    assert "STARTTLS extension not supported by server" in caplog.text


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # a local test server
def test_flask_signs_in_to_a_mail_server_that_requires_it(flask_app):
    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"mailer", b"s3cret"))

    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        flask_app.config.update(MAIL_PORT=controller.port, MAIL_USERNAME="mailer", MAIL_PASSWORD="s3cret")
        post_form(flask_app.test_client(), "/reset/", email="alice@example.com")
    finally:
        controller.stop()
    [message] = inbox.messages
    assert message["To"] == "alice@example.com"


def test_flask_every_form_needs_its_csrf_token(flask_app):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    assert client.post("/reset/", data={"email": "alice@example.com"}).status_code == 400
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 400
    assert client.post("/login/", data={"email": "alice@example.com", "password": OLD}).status_code == 400
    with flask_app.app_context():
        assert db.session.get(User, 1).check_password(OLD)


def test_flask_refuses_a_short_or_mismatched_password(flask_app):
    client = flask_app.test_client()
    link = request_link(flask_app, client)
    assert "Field must be between 12" in post_form(client, link, password="short", confirm="short").text
    assert "The passwords differ." in post_form(client, link, password=NEW, confirm=OLD).text


def test_flask_answers_400_to_a_host_it_does_not_trust(flask_app):
    response = flask_app.test_client().get("/reset/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert flask_app.inbox.messages == []


def test_flask_create_user_command_stores_a_hash(tmp_path):
    app = create_app({"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.sqlite3'}"})
    result = app.test_cli_runner().invoke(args=["create-user", "bob@example.com"], input=f"{NEW}\n{NEW}\n")
    assert result.output.endswith("Created user bob@example.com.\n")
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.email == "bob@example.com" and user.check_password(NEW) and NEW not in user.password_hash
        db.engine.dispose()


def test_the_smtp_server_the_page_starts_prints_the_message(flask_app):
    for script in ("password_reset/flask_commands.sh", "password_reset/django_commands.sh"):
        [typed] = [line for line in section(script, "run") if "aiosmtpd" in line and "&" in line]
        assert typed.split("&")[0].split() == ["python", "-m", "aiosmtpd", "-n"]  # listens on localhost:8025
    plain = create_app({"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert (plain.config["MAIL_SERVER"], plain.config["MAIL_PORT"]) == ("localhost", 8025)
    assert (topic.SMTP["host"], topic.SMTP["port"]) == ("localhost", 8025)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "aiosmtpd did not start"
                time.sleep(0.2)
        flask_app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        post_form(flask_app.test_client(), "/reset/", email="alice@example.com")
    finally:
        server.terminate()
        output = server.communicate(timeout=15)[0]
    assert "Subject: Reset your password" in output and "To: alice@example.com" in output


def test_flask_account_needs_a_signed_in_user(flask_app):
    assert flask_app.test_client().get("/account/").headers["Location"].startswith("/login/")


# Django --------------------------------------------------------------------


@pytest.fixture
def alice(django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, for tests only
    settings.PASSWORD_RESET_TIMEOUT = topic.PASSWORD_RESET_TIMEOUT
    settings.DEFAULT_FROM_EMAIL = topic.DEFAULT_FROM_EMAIL
    if django.VERSION >= (6, 1):  # what the test runner does with the example's MAILERS
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    return django_user_model.objects.create_user("alice", "alice@example.com", OLD)


def django_post(client, url: str, **fields):
    page = client.get(url)
    return client.post(page.wsgi_request.path, {"csrfmiddlewaretoken": csrf_token(page.content.decode()), **fields})


def django_link(client) -> str:
    response = django_post(client, "/password_reset/reset/", email="alice@example.com")
    assert response.status_code == 302 and response["Location"] == "/password_reset/reset/sent/"
    [message] = mail.outbox
    assert message.to == ["alice@example.com"] and message.subject == "Reset your password"
    assert message.from_email == "noreply@example.com"
    return LINK.search(message.body).group()


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


@pytest.mark.urls(__name__)
def test_django_reset_by_the_emailed_link_then_sign_in_with_the_new_password(alice, browser):
    link = django_link(browser)
    assert link.startswith("http://testserver/password_reset/reset/")
    # The view swaps the token for a session key and redirects, so it is no longer in the URL.
    first = browser.get(link)
    assert first.status_code == 302 and first["Location"].endswith("/set-password/")
    response = django_post(browser, first["Location"], new_password1=NEW, new_password2=NEW)
    assert response.status_code == 302 and response["Location"] == "/password_reset/reset/done/"
    assert "Your password is set." in browser.get("/password_reset/reset/done/").content.decode()
    assert django_post(browser, "/password_reset/login/", username="alice", password=OLD).status_code == 200
    signed_in = django_post(browser, "/password_reset/login/", username="alice", password=NEW)
    assert signed_in["Location"] == "/password_reset/account/"
    assert "Signed in as alice@example.com." in browser.get("/password_reset/account/").content.decode()


@pytest.mark.urls(__name__)
def test_django_a_link_works_once(alice, browser):
    link = django_link(browser)
    django_post(browser, browser.get(link)["Location"], new_password1=NEW, new_password2=NEW)
    again = Client().get(link)
    assert again.status_code == 400
    assert "The link has expired or was used." in again.content.decode()


@pytest.mark.urls(__name__)
def test_django_a_link_expires_after_an_hour(alice, browser, monkeypatch):
    link = django_link(browser)
    now = datetime.now()
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: now + timedelta(seconds=3599))
    assert Client().get(link).status_code == 302
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: now + timedelta(seconds=3601))
    assert Client().get(link).status_code == 400


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("tail", ["MQ/forged/", "Mg/c0ffee-0123456789abcdef/", "!!/x/"])
def test_django_a_forged_token_is_refused(alice, tail):
    assert Client().get(f"/password_reset/reset/{tail}").status_code == 400


@pytest.mark.urls(__name__)
def test_django_an_unknown_address_gets_the_same_answer_and_no_mail(alice, browser):
    known = django_post(browser, "/password_reset/reset/", email="alice@example.com")
    unknown = django_post(browser, "/password_reset/reset/", email="mallory@example.com")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]


@pytest.mark.urls(__name__)
def test_django_every_form_needs_its_csrf_token(alice, browser):
    link = django_link(browser)
    assert browser.post("/password_reset/reset/", {"email": "alice@example.com"}).status_code == 403
    set_password = browser.get(link)["Location"]
    assert browser.post(set_password, {"new_password1": NEW, "new_password2": NEW}).status_code == 403
    assert browser.post("/password_reset/login/", {"username": "alice", "password": OLD}).status_code == 403
    alice.refresh_from_db()
    assert alice.check_password(OLD)


@pytest.mark.urls(__name__)
def test_django_refuses_a_mismatched_password(alice, browser):
    set_password = browser.get(django_link(browser))["Location"]
    response = django_post(browser, set_password, new_password1=NEW, new_password2=OLD)
    assert response.status_code == 200  # the form again, with its error
    assert "The two password fields didn" in response.content.decode()


@pytest.mark.urls(__name__)
def test_django_answers_400_to_a_host_it_does_not_allow(alice):
    response = Client().post("/password_reset/reset/", {"email": "alice@example.com"}, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert mail.outbox == []


@pytest.mark.urls(__name__)
def test_django_sends_through_the_smtp_settings_of_the_example(alice, browser, settings, smtp):
    controller, inbox = smtp
    inbox.messages.clear()
    server = {"host": controller.hostname, "port": controller.port, "timeout": 10}
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {**topic.MAILERS["default"], "OPTIONS": server}}
    else:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server["host"], server["port"]
    django_post(browser, "/password_reset/reset/", email="alice@example.com")
    [message] = inbox.messages
    assert message["Subject"] == "Reset your password" and message["From"] == "noreply@example.com"
    assert "/password_reset/reset/" in message.get_body().get_content()

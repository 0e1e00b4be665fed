"""Password reset: the tests read the message each app really sent (a real SMTP server for
Flask, Django's outbox), follow its link, set a password and sign in with it; links expire,
work once, cannot be forged, and an unknown address gets the same answer as a known one.

Each behaviour both apps share is one test over both (the `site` fixture,
tests/examples/apps.py); a form posted without its CSRF token is the attack suite's csrf rule
(tests/attacks/test_writes.py), which reaches the set-password form through the mailed link.
"""

from __future__ import annotations

import os
import re
import socket
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
from werkzeug.security import generate_password_hash

from password_reset.django_app import settings as topic
from password_reset.flask_app import create_app
from password_reset.flask_models import User, db
from tests.conftest import free_port
from tests.examples.browsing import body
from tests.examples.conftest import section
from tests.examples.services import running, wait_for

OLD, NEW = "correct horse battery staple", "a new and longer passphrase"
LINK = re.compile(r"https?://\S+")
OLD_HASH = generate_password_hash(OLD)
# The set-password and sign-in forms' fields in each framework.
NEW_PASSWORD = {
    "flask": {"password": NEW, "confirm": NEW},
    "django": {"new_password1": NEW, "new_password2": NEW},
}
LOGIN = {"flask": "email", "django": "username"}


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


@pytest.fixture
def alice(site, smtp, settings, django_user_model):
    """The site with alice@example.com: Flask mails through the test SMTP server, Django into its outbox."""
    return add_alice(site, smtp, settings, django_user_model)


@pytest.fixture
def flask_alice(flask_site, smtp, settings, django_user_model):
    """The same, for what only Flask's example does (its mail settings, its commands)."""
    return add_alice(flask_site, smtp, settings, django_user_model)


@pytest.fixture
def django_alice(django_site, smtp, settings, django_user_model):
    return add_alice(django_site, smtp, settings, django_user_model)


def add_alice(site, smtp, settings, django_user_model):
    controller, inbox = smtp
    inbox.messages.clear()
    site.inbox = inbox
    if site.framework == "flask":
        site.app.config.update(MAIL_SERVER=controller.hostname, MAIL_PORT=controller.port)
        with site.context():  # a hash made once: scrypt takes a noticeable time per call
            db.session.add(User(email="alice@example.com", password_hash=OLD_HASH))
            db.session.commit()
        return site
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, for tests only
    # PASSWORD_RESET_TIMEOUT and DEFAULT_FROM_EMAIL: the topic's settings, applied by django_site.
    if django.VERSION >= (6, 1):  # what the test runner does with the example's MAILERS
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    django_user_model.objects.create_user("alice", "alice@example.com", OLD)
    return site


def sent(site) -> list[tuple[str, str, str, str]]:
    """Every message the app sent: (to, subject, from, text)."""
    if site.framework == "flask":
        return [(m["To"], m["Subject"], m["From"], m.get_body().get_content()) for m in site.inbox.messages]
    return [(", ".join(m.to), m.subject, m.from_email, m.body) for m in mail.outbox]


def request_link(site, browser, email="alice@example.com") -> str:
    response = browser.submit(site.url("reset/"), {"email": email})
    assert response.status_code == 302 and response.headers["Location"] == site.url("reset/sent/")
    [(to, subject, sender, text)] = sent(site)
    assert (to, subject, sender) == ("alice@example.com", "Reset your password", "noreply@example.com")
    return LINK.search(text).group()


def set_password_page(site, browser, link) -> str:
    """Where the link's form is: the link itself in Flask; Django swaps the token for a session key
    and redirects, so the token is no longer in the URL."""
    if site.framework == "flask":
        return link
    first = browser.get(link)
    assert first.status_code == 302 and first.headers["Location"].endswith("/set-password/")
    return first.headers["Location"]


def test_reset_by_the_emailed_link_then_sign_in_with_the_new_password(alice):
    browser = alice.browser()
    link = request_link(alice, browser)
    host = {"flask": "http://localhost", "django": "http://testserver"}[alice.framework]
    assert link.startswith(host + alice.url("reset/"))
    page = set_password_page(alice, browser, link)
    if alice.framework == "flask":  # the token is in the form's URL: no page it links to may see it
        assert browser.get(page).headers["Referrer-Policy"] == "no-referrer"
    response = browser.submit(page, NEW_PASSWORD[alice.framework])
    done = alice.url("login/" if alice.framework == "flask" else "reset/done/")
    assert response.status_code == 302 and response.headers["Location"] == done
    assert "Your password is set." in body(browser.get(done))
    assert "login/?next=" in browser.get(alice.url("account/")).headers["Location"], "signed out"
    field = LOGIN[alice.framework]
    name = {"flask": "alice@example.com", "django": "alice"}[alice.framework]
    assert browser.submit(alice.url("login/"), {field: name, "password": OLD}).status_code == 200
    name = {"flask": "ALICE@example.com", "django": "alice"}[alice.framework]  # Flask's is an address
    signed_in = browser.submit(alice.url("login/"), {field: name, "password": NEW})
    assert signed_in.headers["Location"] == alice.url("account/")
    assert "Signed in as alice@example.com." in body(browser.get(alice.url("account/")))


def test_a_link_works_once(alice):
    browser = alice.browser()
    link = request_link(alice, browser)
    browser.submit(set_password_page(alice, browser, link), NEW_PASSWORD[alice.framework])
    again = alice.client().get(link)
    assert again.status_code == 400 and "The link has expired or was used." in body(again)


def test_a_link_expires_after_an_hour(alice, monkeypatch):
    link = request_link(alice, alice.browser())
    if alice.framework == "flask":
        now = time.time()
        later = lambda seconds: monkeypatch.setattr("itsdangerous.timed.time.time", lambda: now + seconds)  # noqa: E731
    else:
        now = datetime.now()
        later = lambda seconds: monkeypatch.setattr(  # noqa: E731
            PasswordResetTokenGenerator, "_now", lambda self: now + timedelta(seconds=seconds)
        )
    later(3599)
    assert alice.client().get(link).status_code in {200, 302}  # the form, or Django's redirect to it
    later(3601)
    assert alice.client().get(link).status_code == 400


FORGED = {
    "flask": ["forged/", "eyJpZCI6MX0.abc.def/", "x" * 500 + "/"],
    "django": ["MQ/forged/", "Mg/c0ffee-0123456789abcdef/", "!!/x/"],
}


def test_a_forged_token_is_refused(alice):
    for tail in FORGED[alice.framework]:
        assert alice.client().get(alice.url(f"reset/{tail}")).status_code == 400, tail


def test_flask_a_token_signed_with_another_key_is_refused(flask_alice):
    link = request_link(flask_alice, flask_alice.browser())
    flask_alice.app.config["SECRET_KEY"] = "rotated"
    assert flask_alice.client().get(link).status_code == 400


def test_an_unknown_address_gets_the_same_answer_and_no_mail(alice):
    browser = alice.browser()
    known = browser.submit(alice.url("reset/"), {"email": "alice@example.com"})
    unknown = browser.submit(alice.url("reset/"), {"email": "mallory@example.com"})
    assert (unknown.status_code, unknown.headers["Location"]) == (known.status_code, known.headers["Location"])
    assert [to for to, *_ in sent(alice)] == ["alice@example.com"]
    said = "If an account uses that address, we have sent it a link."
    assert alice.framework == "django" or said in body(browser.get(known.headers["Location"]))


def test_a_host_it_does_not_trust_gets_a_400_and_no_mail(alice):
    response = alice.client(csrf=False).post(
        alice.url("reset/"), data={"email": "alice@example.com"}, headers={"Host": "evil.example"}
    )
    assert response.status_code == 400
    assert sent(alice) == []


# (the fields of the set-password form, what the page says when it refuses them)
REFUSED = {
    "flask": [
        ({"password": "short", "confirm": "short"}, "Field must be between 12"),
        ({"password": NEW, "confirm": OLD}, "The passwords differ."),
    ],
    "django": [({"new_password1": NEW, "new_password2": OLD}, "The two password fields didn")],
}


def test_a_short_or_mismatched_password_is_refused(alice):
    browser = alice.browser()
    page = set_password_page(alice, browser, request_link(alice, browser))
    for fields, said in REFUSED[alice.framework]:
        response = browser.submit(page, fields)
        assert response.status_code == 200 and said in body(response)  # the form again, with its error


# Flask: its own mail sending and commands -----------------------------------------------


def ask_for_a_link(site):
    """The reset form, posted for alice: the visitor is sent on whether or not the mail left."""
    response = site.browser().submit("/reset/", {"email": "alice@example.com"})
    assert response.headers["Location"] == "/reset/sent/"


def test_flask_a_mail_server_that_is_down_changes_nothing_for_the_visitor(flask_alice, caplog):
    flask_alice.app.config["MAIL_PORT"] = free_port()  # nothing listens there
    ask_for_a_link(flask_alice)
    assert "Could not send the reset email to user 1" in caplog.text


def test_flask_refuses_to_send_in_clear_when_told_to_use_tls(flask_alice, caplog):
    flask_alice.app.config["MAIL_USE_TLS"] = True  # the test server offers no STARTTLS
    ask_for_a_link(flask_alice)
    assert flask_alice.inbox.messages == []
    assert "STARTTLS extension not supported by server" in caplog.text


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # a local test server
def test_flask_signs_in_to_a_mail_server_that_requires_it(flask_alice):
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
        flask_alice.app.config.update(MAIL_PORT=controller.port, MAIL_USERNAME="mailer", MAIL_PASSWORD="s3cret")
        ask_for_a_link(flask_alice)
    finally:
        controller.stop()
    [message] = inbox.messages
    assert message["To"] == "alice@example.com"


def test_flask_create_user_command_stores_a_hash(tmp_path):
    app = create_app({"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.sqlite3'}"})
    result = app.test_cli_runner().invoke(args=["create-user", "bob@example.com"], input=f"{NEW}\n{NEW}\n")
    assert result.output.endswith("Created user bob@example.com.\n")
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.email == "bob@example.com" and user.check_password(NEW) and NEW not in user.password_hash
        db.engine.dispose()


def test_the_smtp_server_the_page_starts_prints_the_message(flask_alice):
    for script in ("password_reset/flask_commands.sh", "password_reset/django_commands.sh"):
        [typed] = [line for line in section(script, "run") if "aiosmtpd" in line and "&" in line]
        assert typed.split("&")[0].split() == ["python", "-m", "aiosmtpd", "-n"]  # listens on localhost:8025
    plain = create_app({"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert (plain.config["MAIL_SERVER"], plain.config["MAIL_PORT"]) == ("localhost", 8025)
    assert (topic.SMTP["host"], topic.SMTP["port"]) == ("localhost", 8025)
    port = free_port()
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"]
    with running(command, {**os.environ, "PYTHONUNBUFFERED": "1"}) as server:
        wait_for(lambda: listening(port), "aiosmtpd", 20, server)
        flask_alice.app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        ask_for_a_link(flask_alice)
        wait_for(lambda: "To: alice@example.com" in server.output(), "the printed message", 15, server)
        assert "Subject: Reset your password" in server.output()


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


# Django: the example's own SMTP settings ---------------------------------------------------


def test_django_sends_through_the_smtp_settings_of_the_example(django_alice, settings, smtp):
    controller, inbox = smtp
    server = {"host": controller.hostname, "port": controller.port, "timeout": 10}
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {**topic.MAILERS["default"], "OPTIONS": server}}
    else:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server["host"], server["port"]
    django_alice.browser().submit("/password_reset/reset/", {"email": "alice@example.com"})
    [message] = inbox.messages
    assert message["Subject"] == "Reset your password" and message["From"] == "noreply@example.com"
    assert "/password_reset/reset/" in message.get_body().get_content()

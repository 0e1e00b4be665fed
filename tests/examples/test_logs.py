"""Logging: every line carries the request's id, the response returns it, and a 500 logs the
traceback (and mails it, on Django) while the client sees none."""

from __future__ import annotations

import io
import logging
import re

import django
import pytest
from django.core import mail
from django.test import Client
from django.utils.log import configure_logging

from logs.django_app import settings as topic
from logs.flask_app import create_app
from tests.examples.browsing import body

HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def console():
    """Read what the configured console handler writes; put logging back as it was afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    yield stream
    root.handlers[:], level = saved
    root.setLevel(level)
    configure_logging("logging.config.dictConfig", None)  # Django's defaults for its own loggers


def attach(stream: io.StringIO) -> None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and handler.name == "console":
            handler.setStream(stream)


@pytest.fixture
def django_logging(settings, console):
    settings.MIDDLEWARE = topic.MIDDLEWARE
    settings.LOGGING = topic.LOGGING
    settings.ADMINS = topic.ADMINS
    settings.DEBUG = False
    if django.VERSION >= (6, 1):  # the mailer Django 6.1 wants configured, kept in memory by the tests
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)  # as django.setup() does


# Per framework: the order page and its logger; the failing page, who logs its error, and how.
PATHS = {
    "flask": ("/orders/7", "logs.flask_app", "/boom", "logs.flask_app", "Exception on /boom [GET]"),
    "django": (
        "/logs/orders/7/",
        "logs.django_app.views",
        "/logs/boom/",
        "django.request",
        "Internal Server Error: /logs/boom/",
    ),
}


@pytest.fixture(params=list(PATHS))
def logged(request, console):
    """(framework, a client that answers a failing view with a 500 as production does) with the
    topic's logging configured and its console handler writing to ``console``."""
    if request.param == "flask":
        client = create_app().test_client()
    else:
        request.getfixturevalue("django_logging")
        client = Client(raise_request_exception=False)
    attach(console)
    return request.param, client


def test_every_line_carries_the_request_id_sent_back_in_the_header(logged, console):
    framework, client = logged
    order, logger, *_ = PATHS[framework]
    response = client.get(order)
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id)
    assert f"INFO [{request_id}] {logger}: showing order 7" in console.getvalue()


def test_a_safe_incoming_id_is_kept_and_an_unsafe_one_replaced(logged, console):
    framework, client = logged
    kept = client.get(PATHS[framework][0], headers={"X-Request-ID": "from-the-proxy-42"})
    assert kept.headers["X-Request-ID"] == "from-the-proxy-42"
    forged = client.get(PATHS[framework][0], headers={"X-Request-ID": "x] ERROR [admin"})
    assert HEX_ID.fullmatch(forged.headers["X-Request-ID"])
    assert "admin" not in console.getvalue()


def test_a_500_logs_the_traceback_and_shows_the_client_none(logged, console, caplog):
    framework, client = logged
    _, logger, boom, error_logger, message = PATHS[framework]
    response = client.get(boom, headers={"X-Request-ID": "from-the-proxy-42"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "from-the-proxy-42"
    assert "Traceback" not in body(response) and "ZeroDivisionError" not in body(response)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == error_logger and record.getMessage() == message
    assert record.exc_info[0] is ZeroDivisionError
    printed = console.getvalue()
    assert f"INFO [from-the-proxy-42] {logger}: about to fail" in printed
    assert f"ERROR [from-the-proxy-42] {error_logger}: {message}\nTraceback" in printed
    assert "ZeroDivisionError: division by zero" in printed


def test_flask_lines_outside_a_request_get_a_dash(console):
    create_app()
    attach(console)
    logging.getLogger("logs.startup").warning("starting")
    assert "WARNING [-] logs.startup: starting" in console.getvalue()


def test_django_mails_a_500_to_the_admins_with_its_secrets_masked(django_logging, settings):
    Client(raise_request_exception=False).get("/logs/boom/")
    [email] = mail.outbox
    assert email.to == ["ops@example.com"]
    assert email.subject.endswith("Internal Server Error: /logs/boom/")
    assert "ZeroDivisionError at /logs/boom/" in email.body and "Traceback" in email.body
    # The report lists the settings, with secrets masked.
    assert "SECRET_KEY = '********************'" in email.body
    assert settings.SECRET_KEY not in email.body


def test_django_sends_no_mail_while_debug_is_on(django_logging, settings):
    settings.DEBUG = True
    Client(raise_request_exception=False).get("/logs/boom/")
    assert mail.outbox == []

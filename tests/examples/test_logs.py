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


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(console):
    app = create_app()
    attach(console)
    return app


def test_flask_every_line_carries_the_request_id_sent_back_in_the_header(flask_app, console):
    response = flask_app.test_client().get("/orders/7")
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id)
    assert f"INFO [{request_id}] logs.flask_app: showing order 7" in console.getvalue()


def test_flask_keeps_a_safe_incoming_id_and_replaces_an_unsafe_one(flask_app, console):
    client = flask_app.test_client()
    kept = client.get("/orders/7", headers={"X-Request-ID": "from-the-proxy-42"})
    assert kept.headers["X-Request-ID"] == "from-the-proxy-42"
    forged = client.get("/orders/7", headers={"X-Request-ID": "x] ERROR [admin"})
    assert HEX_ID.fullmatch(forged.headers["X-Request-ID"])
    assert "admin" not in console.getvalue()


def test_flask_500_logs_the_traceback_and_shows_the_client_none(flask_app, console, caplog):
    response = flask_app.test_client().get("/boom", headers={"X-Request-ID": "from-the-proxy-42"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "from-the-proxy-42"
    assert "Traceback" not in response.text and "ZeroDivisionError" not in response.text
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == "logs.flask_app" and record.getMessage() == "Exception on /boom [GET]"
    assert record.exc_info[0] is ZeroDivisionError
    logged = console.getvalue()
    assert "INFO [from-the-proxy-42] logs.flask_app: about to fail" in logged
    assert "ERROR [from-the-proxy-42] logs.flask_app: Exception on /boom [GET]\nTraceback" in logged
    assert "ZeroDivisionError: division by zero" in logged


def test_flask_lines_outside_a_request_get_a_dash(flask_app, console):
    logging.getLogger("logs.startup").warning("starting")
    assert "WARNING [-] logs.startup: starting" in console.getvalue()


# Django --------------------------------------------------------------------


@pytest.fixture
def django_logging(settings, console):
    settings.MIDDLEWARE = topic.MIDDLEWARE
    settings.LOGGING = topic.LOGGING
    settings.ADMINS = topic.ADMINS
    settings.DEBUG = False
    if django.VERSION >= (6, 1):  # the mailer Django 6.1 wants configured, kept in memory by the tests
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)  # as django.setup() does
    attach(console)


def test_django_every_line_carries_the_request_id_sent_back_in_the_header(client, django_logging, console):
    response = client.get("/logs/orders/7/")
    assert response.json() == {"id": 7}
    request_id = response["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id)
    assert f"INFO [{request_id}] logs.django_app.views: showing order 7" in console.getvalue()


def test_django_keeps_a_safe_incoming_id_and_replaces_an_unsafe_one(client, django_logging, console):
    kept = client.get("/logs/orders/7/", headers={"X-Request-ID": "from-the-proxy-42"})
    assert kept["X-Request-ID"] == "from-the-proxy-42"
    forged = client.get("/logs/orders/7/", headers={"X-Request-ID": "x] ERROR [admin"})
    assert HEX_ID.fullmatch(forged["X-Request-ID"])
    assert "admin" not in console.getvalue()


def test_django_500_logs_the_traceback_mails_it_and_shows_the_client_none(django_logging, settings, console, caplog):
    client = Client(raise_request_exception=False)  # answer as production does
    response = client.get("/logs/boom/", headers={"X-Request-ID": "from-the-proxy-42"})
    assert response.status_code == 500
    assert response["X-Request-ID"] == "from-the-proxy-42"
    body = response.content.decode()
    assert "Traceback" not in body and "ZeroDivisionError" not in body
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == "django.request" and record.getMessage() == "Internal Server Error: /logs/boom/"
    assert record.exc_info[0] is ZeroDivisionError
    logged = console.getvalue()
    assert "INFO [from-the-proxy-42] logs.django_app.views: about to fail" in logged
    assert "ERROR [from-the-proxy-42] django.request: Internal Server Error: /logs/boom/\nTraceback" in logged
    assert "ZeroDivisionError: division by zero" in logged
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

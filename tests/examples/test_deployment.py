"""Production settings: they refuse to start without secrets, pass `check --deploy`, and gunicorn serves them.

The page's commands run from an empty folder in tests/examples/test_run_it.py; an app that
starts without its key, a settings module that imports without it (so `manage.py` and
gunicorn stop), is the attack suite's secrets rule (tests/attacks/test_secrets.py).
"""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.utils import get_random_secret_key

import project.settings as development
from deployment.flask_app import create_app
from tests.examples.serving import fresh_settings

PRODUCTION = "deployment.django_app.settings_production"
HOST = "www.example.com"


# Flask ----------------------------------------------------------------------


@pytest.fixture
def flask_app(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "a-long-random-value-from-the-environment")
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "1048576")
    return create_app()


def test_flask_factory_reads_prefixed_environment_variables(flask_app):
    assert flask_app.config["SECRET_KEY"] == "a-long-random-value-from-the-environment"
    assert flask_app.config["MAX_CONTENT_LENGTH"] == 1048576  # parsed as JSON, so an int
    assert flask_app.config["SESSION_COOKIE_SECURE"] is True
    assert flask_app.debug is False


def test_flask_trusts_the_proxy_for_the_scheme(flask_app):
    # The request reaches the app over plain HTTP, as it does behind a proxy.
    client = flask_app.test_client()
    assert client.get("/", base_url="http://localhost").json["scheme"] == "http"
    assert client.get("/", base_url="http://localhost", headers={"X-Forwarded-Proto": "https"}).json == {
        "status": "ok",
        "scheme": "https",
        "debug": False,
    }


def session_cookie(app, data: dict) -> str:
    """A session cookie exactly as `app` signs it."""
    return app.session_interface.get_signing_serializer(app).dumps(data)


def session_seen_by(app, cookie: str) -> dict:
    """What `app` reads from a request that carries `cookie` as its session."""
    from flask import session

    with app.test_request_context("/", headers={"Cookie": f"session={cookie}"}):
        return dict(session)


def test_flask_rotates_its_secret_key_with_fallbacks_from_the_environment(monkeypatch):
    """The page: move the old key to FLASK_SECRET_KEY_FALLBACKS and old sessions stay valid
    (SECRET_KEY_FALLBACKS, Flask 3.1), while new cookies are signed with the new key."""
    monkeypatch.setenv("FLASK_SECRET_KEY", "old-key-from-last-year")
    old_cookie = session_cookie(create_app(), {"user": "ada"})

    monkeypatch.setenv("FLASK_SECRET_KEY", "new-key-from-today")
    assert session_seen_by(create_app(), old_cookie) == {}, "without the fallback the old session is refused"

    monkeypatch.setenv("FLASK_SECRET_KEY_FALLBACKS", '["old-key-from-last-year"]')
    rotated = create_app()
    assert rotated.config["SECRET_KEY_FALLBACKS"] == ["old-key-from-last-year"]
    assert session_seen_by(rotated, old_cookie) == {"user": "ada"}

    # New cookies carry the new key: an app that knows only the new key reads them.
    monkeypatch.delenv("FLASK_SECRET_KEY_FALLBACKS")
    assert session_seen_by(create_app(), session_cookie(rotated, {"user": "bob"})) == {"user": "bob"}


# Django ---------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_django_production_settings_refuse_to_load_without_secrets(monkeypatch, missing):
    env = {"DJANGO_SECRET_KEY": get_random_secret_key(), "DJANGO_ALLOWED_HOSTS": HOST}
    del env[missing]
    with pytest.raises(ImproperlyConfigured, match=f"Set the {missing} environment variable"):
        fresh_settings(PRODUCTION, monkeypatch, **env)


@pytest.fixture
def production(monkeypatch, settings, tmp_path):
    """The production settings in force: every value that differs from the development settings."""
    module = fresh_settings(
        PRODUCTION,
        monkeypatch,
        DJANGO_SECRET_KEY=get_random_secret_key(),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
    )
    for name in dir(module):
        if name.isupper() and getattr(module, name) != getattr(development, name, object()):
            setattr(settings, name, getattr(module, name))
    return settings


def test_django_check_deploy_finds_nothing_with_production_settings(production):
    out = io.StringIO()
    call_command("check", deploy=True, fail_level="WARNING", stdout=out)
    assert "no issues" in out.getvalue()


def test_django_check_deploy_flags_the_development_settings():
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="security.W004"):  # no HSTS
        call_command("check", deploy=True, fail_level="WARNING", stdout=io.StringIO(), stderr=io.StringIO())


def test_django_production_redirects_http_and_sends_hsts(production, client):
    plain = client.get("/", HTTP_HOST=HOST)
    assert plain.status_code == 301 and plain["Location"] == f"https://{HOST}/"
    secure = client.get("/", HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"


def test_django_production_rejects_unknown_hosts(production, client):
    assert client.get("/", HTTP_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https").status_code == 400

"""Configuration: environment variables reach the config each app sees, and the
commands on the page print what the page says they print."""

from __future__ import annotations

import importlib
import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from configuration.flask_app import create_app
from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import check_shown
from tests.examples.serving import fresh_settings, reader_env

PRODUCTION = "configuration.django_app.settings_production"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No stray FLASK_*, APP_ENV or DJANGO_* variable from the shell leaks into a test."""
    for name in list(os.environ):
        if name.startswith(("FLASK_", "DJANGO_")) and name != "DJANGO_SETTINGS_MODULE" or name == "APP_ENV":
            monkeypatch.delenv(name)


# Flask ---------------------------------------------------------------------


def test_flask_development_uses_the_class_defaults_without_environment_variables():
    app = create_app("development")
    assert app.config["GREETING"] == "Hello"
    assert app.config["ITEMS_PER_PAGE"] == 20
    assert app.config["SECRET_KEY"] == "dev-only-not-secret"
    # Flask's own defaults are still there underneath.
    assert app.config["SESSION_COOKIE_NAME"] == "session"


def test_flask_prefixed_variables_override_and_are_parsed_as_json(monkeypatch):
    monkeypatch.setenv("FLASK_ITEMS_PER_PAGE", "30")
    monkeypatch.setenv("FLASK_GREETING", "Howdy")
    app = create_app("development")
    assert app.config["ITEMS_PER_PAGE"] == 30  # an int, not the string "30"
    assert app.config["GREETING"] == "Howdy"  # not valid JSON, so kept as text
    assert app.test_client().get("/").get_json() == {"debug": False, "greeting": "Howdy", "items_per_page": 30}


# Without APP_ENV the app is production too: a deploy that forgets it must not run
# with the development key committed in the code.
@pytest.mark.parametrize("app_env", ["production", None], ids=["APP_ENV=production", "no APP_ENV"])
def test_flask_production_needs_a_secret_key_from_the_environment(monkeypatch, app_env):
    if app_env:
        monkeypatch.setenv("APP_ENV", app_env)
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        create_app()
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["ITEMS_PER_PAGE"] == 50


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_the_inspect_commands_print_what_the_page_shows(framework):
    """Flask asks the app itself; Django's diffsettings prints a few of the lines the page shows."""
    script = f"configuration/{framework}_commands.sh"
    assert check_shown(section(script, "inspect"), f"examples/{script}", EXAMPLES, reader_env()) == 1


# Django --------------------------------------------------------------------


def test_django_view_reads_its_settings_with_app_defaults(django_site, settings):
    def shown():
        return django_site.client().get(django_site.url("")).json()

    assert shown() == {"debug": False, "greeting": "Hello", "items_per_page": 20}
    settings.GREETING = "Howdy"
    settings.ITEMS_PER_PAGE = 5
    assert shown() == {"debug": False, "greeting": "Howdy", "items_per_page": 5}


def test_django_production_settings_read_the_environment(monkeypatch):
    env = {"DJANGO_SECRET_KEY": "from-the-environment", "DJANGO_ALLOWED_HOSTS": "example.com,www.example.com"}
    prod = fresh_settings(PRODUCTION, monkeypatch, **env, DJANGO_ITEMS_PER_PAGE="30")
    assert prod.DEBUG is False
    assert prod.SECRET_KEY == "from-the-environment"
    assert prod.ALLOWED_HOSTS == ["example.com", "www.example.com"]
    assert prod.ITEMS_PER_PAGE == 30
    # Everything else comes from the shared base.
    assert prod.INSTALLED_APPS == importlib.import_module("project.settings").INSTALLED_APPS


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_django_production_settings_refuse_to_start_without_a_required_variable(monkeypatch, missing):
    env = {name: "set" for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS") if name != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        fresh_settings(PRODUCTION, monkeypatch, **env)

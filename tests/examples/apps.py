"""Each topic's app under Flask and under Django, built from its manifest: one way for the
example tests (tests/examples/) and the attack suite (tests/attacks/).

``examples/<topic>/topic.yml`` (read by macros/topics.py) names the Flask entry
(``<topic>.flask_app:create_app`` or a module-level ``app``) and the Django URLconf;
its ``mount:`` is where the project's URLs (examples/project/urls.py) include that
URLconf. So a :class:`Site` serves the paths the page gives: ``/books/new`` on Flask,
``/crud/books/new/`` on Django (``site.url("books/new/")`` adds the mount there).

The Flask app is given a key, a fresh SQLite file with its tables, and, for a factory
that takes a config, an upload folder; Django runs on the project's settings with the
topic's own settings module on top (:func:`topic_settings`, minus what points at outside
services) and the test database. Both clients check CSRF as a browser's request would be checked
(``Client(enforce_csrf_checks=True)``): a test posts the token its form rendered
(:class:`tests.examples.browsing.Browser` does), never switches the check off.

In a test file ``tests/examples/test_<topic>.py`` the fixtures ``site`` (once per
framework), ``flask_site`` and ``django_site`` (tests/examples/conftest.py) give the
file's topic; a file about another topic's app sets ``SITE_TOPIC = "<topic>"``.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros import topics

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOPICS = topics.load(EXAMPLES)
FRAMEWORKS = ("flask", "django")
KEY = "attack-suite-" + "k" * 40  # the key every app gets when a test wants it to start
# The one front end every app is told to trust, as a reader lists theirs (the cors page):
# Flask from FLASK_CORS_ORIGINS, Django in CORS_ALLOWED_ORIGINS (tests/attacks/test_cors.py).
FRONT_END = "https://front.example"


def flask_factory(topic: str):
    """The manifest's ``entry.flask`` (``create_app``, or a module-level ``app`` wrapped as one);
    for a folder with no manifest (the benchmark), ``<topic>.flask_app`` or a ``flask_*`` package."""
    if topic in TOPICS:
        module, attr = TOPICS[topic].entry["flask"].split(":")
        found = getattr(importlib.import_module(module), attr)
        return found if attr != "app" else (lambda *a, _app=found: _app)
    candidates = [f"{topic}.flask_app"] if (EXAMPLES / topic / "flask_app.py").exists() else []
    candidates += [f"{topic}.{p.parent.name}" for p in sorted((EXAMPLES / topic).glob("flask_*/__init__.py"))]
    for name in candidates:
        module = importlib.import_module(name)
        if hasattr(module, "create_app"):
            return module.create_app
        if hasattr(module, "app"):
            return lambda *a, _app=module.app: _app
    return None


def takes_config(factory) -> bool:
    try:
        params = list(inspect.signature(factory).parameters)
    except (TypeError, ValueError):
        return False
    return bool(params) and params[0] in {"config", "test_config", "overrides", "settings"}


def build_flask(topic: str, workdir: Path, env: dict[str, str] | None = None, **config: Any):
    """The topic's app as the reader runs it, given a key, a fresh database with its tables, the
    services in ``env`` (REDIS_URL, SMTP_PORT) and one front end to trust; ``config`` on top."""
    factory = flask_factory(topic)
    if factory is None:
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{workdir / 'app.sqlite3'}"
    saved = dict(os.environ)
    os.environ.update(
        {"FLASK_SECRET_KEY": KEY, "FLASK_SQLALCHEMY_DATABASE_URI": db, "FLASK_CORS_ORIGINS": FRONT_END, **(env or {})}
    )
    try:
        settings = {"SQLALCHEMY_DATABASE_URI": db, "UPLOAD_FOLDER": str(workdir / "uploads"), "TESTING": False}
        if env and "SMTP_PORT" in env:
            settings["MAIL_PORT"] = int(env["SMTP_PORT"])
        if env and "REDIS_URL" in env:
            settings |= {"CACHE_REDIS_URL": env["REDIS_URL"], "RQ_CONNECTION": env["REDIS_URL"]}
        app = factory(settings | config) if takes_config(factory) else factory()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    os.makedirs(app.config.get("UPLOAD_FOLDER") or workdir, exist_ok=True)
    sqlalchemy = app.extensions.get("sqlalchemy")
    if sqlalchemy is not None:
        with app.app_context():
            sqlalchemy.create_all()
    return app


def dispose(app) -> None:
    """Close the app's database connections, so its SQLite file can go with the test's folder."""
    sqlalchemy = app.extensions.get("sqlalchemy") if app is not None else None
    if sqlalchemy is not None:
        with app.app_context():
            sqlalchemy.engine.dispose()


# --- Django: the project's settings, with the topic's own on top ----------------------

DJANGO_SKIP = {
    "INSTALLED_APPS",
    "ROOT_URLCONF",
    "CHANNEL_LAYERS",
    "TASKS",
    "CACHES",
    "LOGGING",
    "MAILERS",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_TIMEOUT",
    "DATABASES",
    "SECRET_KEY",
    "ADMINS",
}


@contextlib.contextmanager
def topic_settings(topic: str, tmp: Path):
    """The topic's own settings module over the project's, minus what points at outside services."""
    from django.test import override_settings

    path = EXAMPLES / topic / "django_app" / "settings.py"
    changes = {}
    if path.exists() and "from project.settings import" in path.read_text(encoding="utf-8"):
        module = importlib.import_module(f"{topic}.django_app.settings")
        base = importlib.import_module("project.settings")  # what the test run already has, adapted for tests
        for name in dir(module):
            if name.isupper() and name not in DJANGO_SKIP and getattr(base, name, object()) != getattr(module, name):
                changes[name] = getattr(module, name)
        if "TASKS" in vars(module):
            # The topic's queue needs its own tables and worker; Django's Dummy backend keeps the
            # tasks in memory and, unlike the project's default (Immediate), can look a result up.
            changes["TASKS"] = {"default": {"BACKEND": _dummy_tasks_backend()}}
    from tests.attacks.discovery import standalone_urlconfs

    if topic in standalone_urlconfs():  # a project of its own: its root URLs, on the test run's settings
        changes["ROOT_URLCONF"] = standalone_urlconfs()[topic]
    if "MEDIA_ROOT" in changes:
        changes["MEDIA_ROOT"] = tmp / "media"
    with override_settings(**changes):
        yield


def _dummy_tasks_backend() -> str:
    try:
        importlib.import_module("django.tasks.backends.dummy")  # Django 6.0 and later
        return "django.tasks.backends.dummy.DummyBackend"
    except ImportError:  # Django 5.2 LTS: the django-tasks backport
        return "django_tasks.backends.dummy.DummyBackend"


@dataclass
class Site:
    """One topic's app under one framework, reached as a reader's browser reaches it."""

    topic: str
    framework: str
    app: Any = None  # the Flask app; None for Django

    @property
    def mount(self) -> str:
        """Where the project mounts the topic's URLs; "" for a django_app that is a project of its
        own (its settings name their own ROOT_URLCONF, which topic_settings applies)."""
        from tests.attacks.discovery import standalone_urlconfs

        if self.topic not in TOPICS or self.topic in standalone_urlconfs():
            return ""
        return TOPICS[self.topic].mount or ""

    def url(self, path: str) -> str:
        """``path`` inside the topic's app, as the page gives it: under the mount on Django."""
        if self.framework == "flask":
            return "/" + path.lstrip("/")
        return "/" + self.mount + path.lstrip("/")

    def client(self, csrf: bool = True):
        """A new visitor: a test client with its own cookies that checks CSRF like a browser's.
        ``csrf=False`` is a script's client for an API with no form to take a token from: the
        check is off (Flask-WTF's for the whole app; Django's test client skips it)."""
        from django.test import Client

        if self.framework == "django":
            return Client(enforce_csrf_checks=csrf)
        if not csrf:
            self.app.config["WTF_CSRF_ENABLED"] = False
        return self.app.test_client()

    def browser(self):
        """A new visitor who loads each form before posting it (tests/examples/browsing.py)."""
        from tests.examples.browsing import Browser

        return Browser(self.client())

    def context(self):
        """Where the app's models can be queried: Flask's app context; Django needs none."""
        return self.app.app_context() if self.framework == "flask" else contextlib.nullcontext()

    def count(self, table: str) -> int:
        """How many rows the topic's model or table ``table`` ("book", "user") holds."""
        if self.framework == "flask":
            from sqlalchemy import func, select

            ext = self.app.extensions["sqlalchemy"]
            with self.app.app_context():
                return ext.session.scalar(select(func.count()).select_from(ext.metadata.tables[table]))
        from django.apps import apps

        for config in apps.get_app_configs():
            if config.name.startswith(f"{self.topic}.") or config.name == "django.contrib.auth":
                for model in config.get_models():
                    if model._meta.model_name == table:
                        return model.objects.count()
        raise LookupError(f"examples/{self.topic}: no Django model named {table!r}")


def topic_of(request) -> str:
    """The topic of a test file: its ``SITE_TOPIC``, else its name (tests/examples/test_<topic>.py)."""
    return getattr(request.module, "SITE_TOPIC", None) or Path(str(request.path)).stem.removeprefix("test_")

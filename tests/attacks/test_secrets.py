"""Secrets fail closed: no app starts without its key, and no source holds a usable fallback."""

import os
import re
import subprocess
import sys
from unittest import mock

import pytest

from tests.attacks.conftest import CELLS
from tests.attacks.discovery import EXAMPLES, ROOT
from tests.examples.apps import flask_factory, takes_config

# SECRET_KEY = "literal", os.environ.get("..._SECRET_KEY", "literal"), SECRET_KEY="literal" in a call
FALLBACK = re.compile(r"""(SECRET_KEY['"]?\s*(?:=|:)\s*|SECRET_KEY['"]\s*,\s*)(['"])([^'"]+)\2""")
USES_KEY = re.compile(
    r"SECRET_KEY|flask_wtf|flask_login|itsdangerous|SocketIO|\bflash\(|(?<![.\w])session(\[|\.get\(|\.pop\(|\.clear\()"
)


TESTS = re.compile(r"^test_|_tests\.py$")


def sources(topic, framework):
    """The example's own code for that framework, its tests left out."""
    folder = EXAMPLES / topic
    if framework == "django":  # hello is the project's root app: project/settings.py is judged once, there
        root = [EXAMPLES / "project" / "settings.py"] if topic == "hello" else []
        return [*(folder / "django_app").rglob("*.py"), *root]
    skip = {"django_app", "flask_tests"}
    return [p for p in folder.rglob("*.py") if not skip & set(p.parts) and not TESTS.search(p.name)]


def start_without_key(topic):
    """Builds the Flask app with no key anywhere; the exception it raises, or the key it ended with."""
    factory = flask_factory(topic)
    with mock.patch.dict(os.environ, {k: val for k, val in os.environ.items() if "SECRET_KEY" not in k}, clear=True):
        try:
            app = factory({"SQLALCHEMY_DATABASE_URI": "sqlite://"}) if takes_config(factory) else factory()
        except Exception as error:  # noqa: BLE001  (any refusal to start is the point)
            return error, None
    return None, app.config.get("SECRET_KEY")


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_secrets_fail_closed(topic, framework, verdict):
    v = verdict("secrets", topic, framework)
    for path in sources(topic, framework):
        text = path.read_text(encoding="utf-8")
        for match in FALLBACK.finditer(text):
            line = text[: match.start()].count("\n") + 1
            v.check(str(path.relative_to(ROOT)), False, f"line {line}: a hard-coded key {match[3]!r} anyone can read")
    if framework == "flask" and flask_factory(topic) is not None:
        uses = any(USES_KEY.search(p.read_text(encoding="utf-8")) for p in sources(topic, "flask"))
        error, key = start_without_key(topic)
        if error is not None:
            v.check("create_app()", True)
        elif key:
            v.check("create_app()", False, f"started without FLASK_SECRET_KEY, with the key {key!r}")
        elif uses:
            v.check("create_app()", False, "started without FLASK_SECRET_KEY though it signs sessions or tokens")
    if framework == "django":
        env = {k: val for k, val in os.environ.items() if "SECRET_KEY" not in k}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(EXAMPLES)])
        settings = sorted((EXAMPLES / topic / "django_app").glob("settings*.py"))
        modules = [f"{topic}.django_app.{p.stem}" for p in settings]
        if topic == "hello" and not modules:  # the project's root app: the project's settings
            modules = ["project.settings"]
        for module in modules:
            code = f"import {module} as m; print(repr(getattr(m, 'SECRET_KEY', '')))"
            run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
            started = run.returncode == 0 and run.stdout.strip() not in {"''", "None"}
            v.check(module, not started, f"imports without DJANGO_SECRET_KEY, with SECRET_KEY={run.stdout.strip()}")
    v.done()

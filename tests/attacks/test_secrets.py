"""Secrets fail closed: no app starts without its key, and no source holds a usable fallback."""

import os
import re
import subprocess
import sys

import pytest

from tests.attacks.conftest import CELLS
from tests.attacks.discovery import EXAMPLES, ROOT
from tests.examples.apps import flask_factory, takes_config

# SECRET_KEY = "literal", os.environ.get("..._SECRET_KEY", "literal"), SECRET_KEY="literal" in a call
FALLBACK = re.compile(r"""(SECRET_KEY['"]?\s*(?:=|:)\s*|SECRET_KEY['"]\s*,\s*)(['"])([^'"]+)\2""")
USES_KEY = re.compile(
    r"SECRET_KEY|flask_wtf|flask_login|itsdangerous|SocketIO|\bflash\(|(?<![.\w])session(\[|\.get\(|\.pop\(|\.clear\()"
)


def sources(topic, framework):
    folder = EXAMPLES / topic
    if framework == "flask":
        files = [
            p
            for p in folder.rglob("*.py")
            if "django_app" not in p.parts
            and not p.name.endswith("_tests.py")
            and "flask_tests" not in p.parts
            and not p.name.startswith("test_")
        ]
    else:
        files = list((folder / "django_app").rglob("*.py")) if (folder / "django_app").exists() else []
        if topic == "hello":  # the project's root app: project/settings.py is judged once, here
            files.append(EXAMPLES / "project" / "settings.py")
    return files


def start_without_key(topic):
    """Builds the Flask app with no key anywhere; the exception it raises, or the key it ended with."""
    factory = flask_factory(topic)
    saved = dict(os.environ)
    for name in [n for n in os.environ if "SECRET_KEY" in n]:
        del os.environ[name]
    try:
        app = factory({"SQLALCHEMY_DATABASE_URI": "sqlite://"}) if takes_config(factory) else factory()
    except Exception as error:  # noqa: BLE001  (any refusal to start is the point)
        return error, None
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return None, app.config.get("SECRET_KEY")


def django_settings_modules(topic):
    folder = EXAMPLES / topic / "django_app"
    mods = sorted(folder.glob("settings*.py")) if folder.exists() else []
    return [f"{topic}.django_app.{p.stem}" for p in mods]


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_secrets_fail_closed(topic, framework, verdict):
    v = verdict("secrets", topic, framework)
    for path in sources(topic, framework):
        for match in FALLBACK.finditer(path.read_text(encoding="utf-8")):
            line = path.read_text(encoding="utf-8")[: match.start()].count("\n") + 1
            v.check(
                str(path.relative_to(ROOT)), False, f"line {line}: a hard-coded key {match.group(3)!r} anyone can read"
            )
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
        env = {k: v2 for k, v2 in os.environ.items() if "SECRET_KEY" not in k}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(EXAMPLES)])
        modules = django_settings_modules(topic) or (["project.settings"] if topic == "hello" else [])
        for module in modules:
            code = (
                f"import importlib; m = importlib.import_module({module!r}); print(repr(getattr(m, 'SECRET_KEY', '')))"
            )
            run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
            started = run.returncode == 0 and run.stdout.strip() not in {"''", "None"}
            v.check(module, not started, f"imports without DJANGO_SECRET_KEY, with SECRET_KEY={run.stdout.strip()}")
    v.done()

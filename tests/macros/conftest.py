"""Small inline data for the macro tests: no site build, no real data files."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import pytest
import yaml

FRAMEWORK = {
    "name": "Flask", "package": "Flask", "core": True, "tagline": "small",
    "examples": ["flask_*", "templates"], "lexers": {".html": "html+jinja"}, "command": "flask",
    "first_release": 2010, "licence": "BSD-3-Clause",
    "current": {"release_line": "3.1", "version": "3.1.3", "python": ">=3.9", "source": "https://example.org/f"},
    "tested": ["3.1.3"],
    "sources": {k: f"https://example.org/{k}" for k in ("first_release", "licence", "python")},
}
INSTALL = {"version": "3.1.3", "distributions": 7, "size_kib": 2048, "dependencies": ["click", "jinja2"],
           "python": "3.12", "measured": "2026-11-01"}


def framework(name: str, **changes) -> dict:
    fw = copy.deepcopy(FRAMEWORK)
    fw.update(name=name, package=name, **changes)
    return fw


def cell(support: str, how: str, **extra) -> dict:
    return {"support": support, "how": how, "source": "https://example.org/s", **extra}


def files(frameworks: list[str]) -> dict[str, dict]:
    """The four data files for the named frameworks, as plain dicts."""
    names = {"flask": "Flask", "django": "Django", "fastapi": "FastAPI"}
    fws = {k: framework(names[k], examples=[f"{k}_*"]) for k in frameworks}
    per_orm = {"flask": cell("addon", "Flask-SQLAlchemy", package="Flask-SQLAlchemy"),
               "django": cell("builtin", "django.db.models", module="django.db.models.Model"),
               "fastapi": cell("addon", "SQLModel", package="sqlmodel")}
    per_routing = {"flask": cell("builtin", "@app.route", module="flask.Flask.route"),
                   "django": cell("builtin", "path()", module="django.urls.path"),
                   "fastapi": cell("builtin", "@app.get", module="fastapi.FastAPI.get")}
    per_admin = {"flask": cell("addon", "Flask-Admin", package="Flask-Admin"),
                 "django": cell("builtin", "django.contrib.admin", module="django.contrib.admin"),
                 "fastapi": cell("none", "build your own")}
    pick = lambda per: {k: v for k, v in per.items() if k in frameworks}  # noqa: E731
    return {
        "frameworks.yml": {"frameworks": fws},
        "measured.yml": {"install": {k: dict(INSTALL) for k in frameworks}},
        "features.yml": {"features": {
            "routing": {"name": "URL routing", "topic": "routing", "per": pick(per_routing)},
            "orm": {"name": "ORM", "topic": "database", "per": pick(per_orm)},
            "admin": {"name": "Admin", "topic": "admin", "per": pick(per_admin)},
        }},
        "cli.yml": {"commands": {k: [{"name": "run", "usage": f"{k} run", "does": f"Runs {k}.", "topic": "hello",
                                      "source": "https://example.org/cli"}]
                                 for k in frameworks}},
    }


def write(folder: Path, data: dict[str, dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in data.items():
        (folder / name).write_text(yaml.safe_dump(content, sort_keys=False))
    return folder


@pytest.fixture
def two(tmp_path):
    """Data for Flask and Django, written to a temporary data/ folder."""
    return write(tmp_path / "data", files(["flask", "django"]))


@pytest.fixture
def three(tmp_path):
    """The same with a third framework, to prove nothing is hard-wired to two."""
    return write(tmp_path / "data", files(["flask", "django", "fastapi"]))


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")

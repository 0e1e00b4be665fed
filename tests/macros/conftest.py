"""Small inline data for the macro tests: no site build, no real data files."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import pytest
import yaml

FRAMEWORK = {
    "name": "Flask",
    "package": "Flask",
    "core": True,
    "tagline": "small",
    "examples": ["flask_*", "templates"],
    "lexers": {".html": "html+jinja"},
    "command": "flask",
    "first_release": 2010,
    "licence": "BSD-3-Clause",
    "current": {"release_line": "3.1", "version": "3.1.3", "python": ">=3.9", "source": "https://example.org/f"},
    "tested": ["3.1.3"],
    "sources": {k: f"https://example.org/{k}" for k in ("first_release", "licence", "python")},
}
INSTALL = {
    "version": "3.1.3",
    "distributions": 7,
    "size_kib": 2048,
    "dependencies": ["click", "jinja2"],
    "python": "3.12",
    "measured": "2026-11-01",
}


PROJECT = {
    "requirements": ["Flask==3.1.3"],
    "distributions": 7,
    "size_kib": 2048,
    "python": "3.12",
    "measured": "2026-11-01",
}


def spread(median: float) -> dict:
    return {"median": median, "min": median * 0.9, "max": median * 1.1, "samples": 5}


def benchmark(frameworks: list[str]) -> dict:
    """A benchmark block for the named frameworks: Flask's figures set apart from the others."""

    def per(flask: float, other: float) -> dict:
        return {k: spread(flask if k == "flask" else other) for k in frameworks}

    def endpoint(path: str) -> dict:
        return {
            "path": {k: path for k in frameworks},
            "server": {k: "gunicorn" for k in frameworks},
            "rps": per(1000, 800),
            "p50_ms": per(5, 6),
            "p99_ms": per(20, 22),
            "cpu_ms": per(1.5, 2),
        }

    packages = {"flask": "Flask", "django": "Django", "fastapi": "FastAPI"}
    return {
        "measured": "2026-11-01",
        "command": "make measure",
        "python": "3.12.1",
        "machine": {"cpu": "Test CPU", "cores": 2, "memory_mib": 4096, "system": "Linux 6.1 x86_64", "virtual": True},
        "versions": {**{packages[k]: "1.0" for k in frameworks}, "wrk": "4.1.0"},
        "method": {
            "runs": 5,
            "startup_runs": 10,
            "warmup_seconds": 2,
            "seconds": 5,
            "connections": 8,
            "workers": 2,
            "rows": 300,
            "load_generator": "wrk",
            "load_average": [1.0, 1.5],
        },
        "startup_ms": {"smallest": per(40, 100), "full": per(200, 300)},
        "startup_cpu_ms": {"smallest": per(35, 90), "full": per(180, 280)},
        "memory_mib": {"smallest": per(25, 30), "full": per(45, 50)},
        "requests": {name: endpoint(f"/{name}/") for name in ("text", "json", "template", "orm", "async", "admin")},
    }


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
    per_orm = {
        "flask": cell("addon", "Flask-SQLAlchemy", package="Flask-SQLAlchemy"),
        "django": cell("builtin", "django.db.models", module="django.db.models.Model"),
        "fastapi": cell("addon", "SQLModel", package="sqlmodel"),
    }
    per_routing = {
        "flask": cell("builtin", "@app.route", module="flask.Flask.route"),
        "django": cell("builtin", "path()", module="django.urls.path"),
        "fastapi": cell("builtin", "@app.get", module="fastapi.FastAPI.get"),
    }
    per_admin = {
        "flask": cell("addon", "Flask-Admin", package="Flask-Admin"),
        "django": cell("builtin", "django.contrib.admin", module="django.contrib.admin"),
        "fastapi": cell("none", "build your own"),
    }
    pick = lambda per: {k: v for k, v in per.items() if k in frameworks}  # noqa: E731
    return {
        "frameworks.yml": {"frameworks": fws},
        "measured.yml": {
            "install": {k: dict(INSTALL) for k in frameworks},
            "project": {k: dict(PROJECT) for k in frameworks},
            "benchmark": benchmark(frameworks),
        },
        "features.yml": {
            "features": {
                "routing": {"name": "URL routing", "topic": "routing", "per": pick(per_routing)},
                "orm": {"name": "ORM", "topic": "database", "per": pick(per_orm)},
                "admin": {"name": "Admin", "topic": "admin", "per": pick(per_admin)},
            }
        },
        "cli.yml": {
            "commands": {
                k: [
                    {
                        "name": "run",
                        "usage": f"{k} run",
                        "does": f"Runs {k}.",
                        "topic": "hello",
                        "source": "https://example.org/cli",
                    }
                ]
                for k in frameworks
            }
        },
        "decision.yml": decision(frameworks),
    }


def decision(frameworks: list[str]) -> dict:
    """A two-question questionnaire whose answers favour the first two frameworks."""
    first, second = frameworks[:2]
    say = {key: key for key in ("nothing", "either", "neutral", "experience_line", "see")}
    say.update(
        firm="{leader}",
        experience="{known}",
        leans="{leader}",
        totals="{totals}",
        firm_basis="{lead}",
        open_basis="{lead}",
        counted="{reason}",
        repeat="{reason}",
        neutral="{reason}",
        experience_line="{text}",
        see=" {page}",
        held="{reason}",
        groups={"decides": "d", "side": "{side} {points}", "repeat": "r", "neutral": "n", "experience": "e"},
    )
    return {
        "rules": {"lead": 3, "facts": 2, "explained": "A lead of {lead} points from {facts} facts decides."},
        "pages": {"size": {"title": "Size", "file": "choosing/size.md"}},
        "facts": {"small": "It is small.", "staff": "Staff edit it."},
        "questions": [
            {
                "id": "size",
                "ask": "How big?",
                "answers": [
                    {
                        "id": "small",
                        "label": "Small",
                        "reason": "Small.",
                        "favours": first,
                        "points": 2,
                        "fact": "small",
                        "page": "size",
                    },
                    {"id": "big", "label": "Big", "reason": "Big.", "favours": second, "points": 2, "fact": "staff"},
                ],
            }
        ],
        "experience": {
            "id": "experience",
            "ask": "Known?",
            "answers": [{"id": first, "label": first, "knows": first}, {"id": "neither", "label": "Neither"}],
            "says": {
                "decides": "{known}",
                "agrees": "{leader}",
                "differs": "{known} {leader}",
                "neither_firm": "n",
                "neither_open": "n",
            },
        },
        "say": say,
        "next": {"page": "size", "pick": "{pick}", "both": "both"},
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

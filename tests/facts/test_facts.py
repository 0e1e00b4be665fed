"""The data agrees with the real, installed Flask and Django.

Every value compared here is read from the data on one side and from the
installed packages, their CLIs or the pinned requirement files on the other.
Each test's id is the data file and key it checks (`frameworks.yml:flask.licence`),
and each failure starts with the file, the line and the key, then says what the
installed framework has instead and what to change.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from macros import datafile
from macros.run_it import canonical, read_pins
from tests.conftest import site_data

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SITE = site_data()
BIN = Path(sys.executable).parent


def at(file: str, *path) -> str:
    """``data/<file>, line N: key.path``, where a failure points a contributor."""
    return datafile.locate(DATA, file, path)


def param(file: str, path: tuple, *values):
    """A test case whose id is the key it checks, without the file's top-level key."""
    return pytest.param(*values, id=f"{file}:{'.'.join(str(p) for p in path[1:])}")


def expect(condition: object, message: str) -> None:
    """Fail with ``message`` alone (no assertion rewriting, no code): it says where and what to change."""
    if not condition:
        pytest.fail(message, pytrace=False)


# Canonical names (macros/run_it.py, the one reader of the pins): look up canonical(package).
CURRENT = read_pins(ROOT / "examples/requirements.txt")
LTS = read_pins(ROOT / "examples/requirements-lts.txt")
COMMON = read_pins(ROOT / "examples/requirements-common.txt")
FRAMEWORKS = SITE.frameworks.items()


@pytest.mark.parametrize(
    ("key", "fw"), [param("frameworks.yml", ("frameworks", k, "current", "version"), k, f) for k, f in FRAMEWORKS]
)
def test_current_version_is_pinned_and_installed(key, fw):
    where, version = at("frameworks.yml", "frameworks", key, "current", "version"), fw.current.version
    pinned = CURRENT.get(canonical(fw.package))
    expect(pinned, f"{where}: {fw.package} is not pinned in examples/requirements.txt; add `{fw.package}=={version}`")
    expect(
        version == pinned,
        f"{where}: says {version}, but examples/requirements.txt pins {fw.package}=={pinned}; change one so they agree",
    )
    installed = metadata.version(fw.package)
    expect(
        installed == pinned,
        f"examples/requirements.txt pins {fw.package}=={pinned}, but .venv has {installed}; "
        "run `make check`, which installs the pins",
    )


@pytest.mark.parametrize(("key", "fw"), [param("measured.yml", ("install", k, "version"), k, f) for k, f in FRAMEWORKS])
def test_the_measurement_is_of_the_current_version(key, fw):
    if fw.current.version != CURRENT.get(canonical(fw.package)):
        pytest.skip("frameworks.yml and the pins disagree: test_current_version_is_pinned_and_installed says how")
    where, measured = at("measured.yml", "install", key, "version"), SITE.install[key].version
    expect(
        measured == fw.current.version,
        f"{where}: measured {fw.package} {measured}, but frameworks.yml says "
        f"{fw.current.version}; run `make measure` (never edit measured.yml by hand)",
    )


@pytest.mark.parametrize(
    ("key", "fw"), [param("frameworks.yml", ("frameworks", k, "lts", "version"), k, f) for k, f in FRAMEWORKS if f.lts]
)
def test_lts_version_is_pinned_for_the_lts_run(key, fw):
    where, pinned = at("frameworks.yml", "frameworks", key, "lts", "version"), LTS.get(canonical(fw.package))
    expect(
        fw.lts.version == pinned,
        f"{where}: says {fw.lts.version}, but examples/requirements-lts.txt pins "
        f"{fw.package}=={pinned}; change one so they agree",
    )


@pytest.mark.parametrize(
    ("key", "fw"), [param("frameworks.yml", ("frameworks", k, "tested"), k, f) for k, f in FRAMEWORKS]
)
def test_tested_versions_are_exactly_the_pins(key, fw):
    where = at("frameworks.yml", "frameworks", key, "tested")
    pinned = sorted({v for v in (CURRENT.get(canonical(fw.package)), LTS.get(canonical(fw.package))) if v})
    expect(
        sorted(fw.tested) == pinned,
        f"{where}: lists {fw.tested}, but the examples run on {pinned} (the pins in "
        "examples/requirements.txt and requirements-lts.txt); list exactly those",
    )


@pytest.mark.parametrize(
    ("key", "fw"), [param("frameworks.yml", ("frameworks", k, "licence"), k, f) for k, f in FRAMEWORKS]
)
def test_licence_matches_the_package_metadata(key, fw):
    meta = metadata.metadata(fw.package)
    where, real = at("frameworks.yml", "frameworks", key, "licence"), meta["License-Expression"] or meta["License"]
    expect(
        fw.licence == real,
        f"{where}: says {fw.licence!r}, but the installed {fw.package} {meta['Version']} "
        f"declares {real!r}; write what the package declares",
    )


@pytest.mark.parametrize(
    ("key", "fw"), [param("frameworks.yml", ("frameworks", k, "current", "python"), k, f) for k, f in FRAMEWORKS]
)
def test_python_range_matches_the_package_metadata(key, fw):
    where, meta = at("frameworks.yml", "frameworks", key, "current", "python"), metadata.metadata(fw.package)
    expect(
        fw.current.python == meta["Requires-Python"],
        f"{where}: says {fw.current.python!r}, but the installed "
        f"{fw.package} {meta['Version']} requires Python {meta['Requires-Python']!r}; write that",
    )


@pytest.mark.parametrize(
    ("key", "fw"), [param("measured.yml", ("install", k, "dependencies"), k, f) for k, f in FRAMEWORKS]
)
def test_measured_dependencies_are_what_the_framework_requires(key, fw):
    required = sorted(
        Requirement(r).name.lower()
        for r in metadata.requires(fw.package) or []
        if not Requirement(r).marker or Requirement(r).marker.evaluate({"extra": ""})
    )
    where, measured = (
        at("measured.yml", "install", key, "dependencies"),
        [d.lower() for d in SITE.install[key].dependencies],
    )
    expect(
        measured == required,
        f"{where}: lists {measured}, but the installed {fw.package} requires {required}; run `make measure`",
    )


def _resolve(dotted: str):
    """Import the longest importable module prefix, then walk attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(f"no module {parts[0]!r}")


CELLS = [(fid, fw, cell) for fid, feature in SITE.features.items() for fw, cell in feature.per.items()]


@pytest.mark.parametrize(
    ("fid", "fw", "cell"),
    [
        param("features.yml", ("features", fid, fw, "module"), fid, fw, c)
        for fid, fw, c in CELLS
        if c.support == "builtin"
    ],
)
def test_every_builtin_exists_in_the_installed_framework(fid, fw, cell):
    try:
        _resolve(cell.module)
    except (ImportError, AttributeError) as exc:
        framework = SITE.frameworks[fw]
        pytest.fail(
            f"{at('features.yml', 'features', fid, 'per', fw, 'module')}: {cell.module} is not in the "
            f"installed {framework.name} {framework.current.version} ({exc}); name the module, class or "
            "function that provides it, as Python imports it",
            pytrace=False,
        )


@functools.cache
def distributions() -> dict[str, list[str]]:
    return metadata.packages_distributions()


@functools.cache
def example_sources() -> str:
    return "\n".join(p.read_text() for p in (ROOT / "examples").rglob("*.py"))


@pytest.mark.parametrize(
    ("fid", "fw", "cell"),
    [
        param("features.yml", ("features", fid, fw, "package"), fid, fw, c)
        for fid, fw, c in CELLS
        if c.support == "addon"
    ],
)
def test_every_addon_is_pinned_installed_and_used_by_an_example(fid, fw, cell):
    where, package = at("features.yml", "features", fid, "per", fw, "package"), cell.package
    expect(
        canonical(package) in COMMON,
        f"{where}: {package} is not pinned in examples/requirements-common.txt; add "
        f"`{package}==<version>` there (or spell the name as PyPI does)",
    )
    modules = [m for m, dists in distributions().items() if canonical(package) in map(canonical, dists)]
    expect(modules, f"{where}: {package} is pinned but not installed in .venv; run `make check`")
    # Imported, or named in settings as Django add-ons are ("django_tasks_db.DatabaseBackend").
    used = any(
        re.search(rf"^\s*(from|import) {m}\b", example_sources(), re.M)
        or re.search(rf"[\"']{m}[.\"']", example_sources())
        for m in modules
    )
    expect(
        used,
        f"{where}: no example imports or configures {package} (as {' or '.join(modules)}); show it in "
        f"examples/{SITE.features[fid].topic}/",
    )


@functools.cache
def flask_commands(app: str | None = None) -> list[str]:
    """The commands `flask --help` lists; with ``app``, those of the app `--app` names (add-ons add theirs)."""
    # As on the pages, whose apps refuse to start without a secret key.
    env = {**os.environ, "FLASK_SECRET_KEY": "facts-test"}
    out = subprocess.run(
        [BIN / "flask", *(["--app", app] if app else []), "--help"],
        cwd=ROOT / "examples",
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return re.findall(r"^  (\S+)\s", out.split("Commands:")[1], re.M)


def commands(fw: str):
    return [param("cli.yml", ("commands", fw, i, "name"), i, c) for i, c in enumerate(SITE.commands.get(fw, []))]


@pytest.mark.parametrize(("i", "command"), commands("flask"))
def test_flask_commands_exist_in_the_flask_cli(i, command):
    where = at("cli.yml", "commands", "flask", i, "name")
    # A built-in command is listed by `flask --help`; an add-on's, by the CLI of the app that --app names.
    apps = re.findall(r"--app (\S+)", command.usage) if command.name not in flask_commands() else []
    listed = flask_commands(apps[0] if apps else None)
    expect(
        command.name in listed,
        f"{where}: `flask {command.name}` is not a command of the installed Flask "
        f"CLI, which has {', '.join(listed)}; use the name `flask --help` lists",
    )
    usage = command.usage
    expect(
        usage.startswith("flask ") and command.name in usage.split(),
        f"{at('cli.yml', 'commands', 'flask', i, 'usage')}: {usage!r} should start with `flask ` "
        f"and run `{command.name}`",
    )


@pytest.mark.parametrize(("i", "command"), commands("django"))
def test_django_commands_exist_in_the_management_registry(i, command):
    from django.core.management import get_commands

    where = at("cli.yml", "commands", "django", i, "name")
    expect(
        command.name in command.usage.split(),
        f"{at('cli.yml', 'commands', 'django', i, 'usage')}: {command.usage!r} does not run `{command.name}`",
    )
    if command.name in get_commands():
        return
    # An add-on's command exists under the settings module its topic's page selects.
    settings = f"{command.topic}.django_app.settings"
    out = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands", "--settings", settings],
        cwd=ROOT / "examples",
        capture_output=True,
        text=True,
    ).stdout
    expect(
        command.name in out.split(),
        f"{where}: `{command.name}` is not a management command of the installed "
        f"Django, nor of the settings {settings} its topic uses; use a name "
        "`django-admin help` lists",
    )

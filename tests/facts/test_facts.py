"""The data agrees with the real, installed Flask and Django.

Every value compared here is read from the data on one side and from the
installed packages, their CLIs or the pinned requirement files on the other.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from macros import data

ROOT = Path(__file__).resolve().parents[2]
SITE = data.load(ROOT / "data")
FRAMEWORKS = list(SITE.frameworks.items())
BIN = Path(sys.executable).parent


def pins(path: Path) -> dict[str, str]:
    """Exact pins of a requirements file, following -r includes; names lower-cased."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==")
            found[name.strip().lower()] = version.strip()
    return found


CURRENT = pins(ROOT / "examples/requirements.txt")
LTS = pins(ROOT / "examples/requirements-lts.txt")


@pytest.mark.parametrize(("key", "fw"), FRAMEWORKS)
def test_current_version_is_installed_and_pinned(key, fw):
    assert metadata.version(fw.package) == fw.current.version
    assert CURRENT[fw.package.lower()] == fw.current.version
    assert SITE.install[key].version == fw.current.version, "re-run `make measure`"


@pytest.mark.parametrize(("key", "fw"), [(k, f) for k, f in FRAMEWORKS if f.lts])
def test_lts_version_is_pinned_for_the_lts_run(key, fw):
    assert LTS[fw.package.lower()] == fw.lts.version


@pytest.mark.parametrize(("key", "fw"), FRAMEWORKS)
def test_tested_versions_are_exactly_the_pins(key, fw):
    pinned = {CURRENT[fw.package.lower()], LTS[fw.package.lower()]}
    assert sorted(fw.tested) == sorted(pinned)


@pytest.mark.parametrize(("key", "fw"), FRAMEWORKS)
def test_licence_and_python_range_match_the_package_metadata(key, fw):
    meta = metadata.metadata(fw.package)
    assert fw.licence == (meta["License-Expression"] or meta["License"])
    assert fw.current.python == meta["Requires-Python"]


@pytest.mark.parametrize(("key", "fw"), FRAMEWORKS)
def test_measured_dependencies_are_what_the_framework_requires(key, fw):
    required = sorted(
        Requirement(r).name.lower() for r in metadata.requires(fw.package) or []
        if not Requirement(r).marker or Requirement(r).marker.evaluate({"extra": ""})
    )
    assert [d.lower() for d in SITE.install[key].dependencies] == required


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
    raise ImportError(dotted)


BUILTINS = [(f"{fid}.{fw}", cell.module) for fid, feat in SITE.features.items()
            for fw, cell in feat.per.items() if cell.support == "builtin"]
ADDONS = sorted({cell.package for feat in SITE.features.values() for cell in feat.per.values() if cell.support == "addon"})


@pytest.mark.parametrize(("where", "module"), BUILTINS)
def test_every_builtin_exists_in_the_installed_framework(where, module):
    assert module, f"features.{where}: a built-in needs `module` naming what proves it"
    assert _resolve(module) is not None


@pytest.mark.parametrize("package", ADDONS)
def test_every_addon_is_pinned_installed_and_used_by_an_example(package):
    assert package and package.lower() in pins(ROOT / "examples/requirements-common.txt")
    # Distribution names compare as PEP 503 says: channels-redis installs as channels_redis.
    canonical = re.sub(r"[-_.]+", "-", package).lower()
    modules = [m for m, dists in metadata.packages_distributions().items()
               if canonical in (re.sub(r"[-_.]+", "-", d).lower() for d in dists)]
    assert modules, f"{package} is not installed"
    sources = "\n".join(p.read_text() for p in (ROOT / "examples").rglob("*.py"))
    # Imported, or named in settings as Django add-ons are ("django_tasks_db.DatabaseBackend").
    assert any(re.search(rf"^\s*(from|import) {m}\b", sources, re.M) or re.search(rf"[\"']{m}[.\"']", sources)
               for m in modules), f"no example imports or configures {package} ({modules})"


@pytest.mark.parametrize("command", [c for c in SITE.commands.get("flask", [])], ids=lambda c: c.name)
def test_flask_commands_exist_in_the_flask_cli(command):
    # A built-in command is listed by `flask --help`; an add-on's, by the CLI of the app that --app names.
    app = re.findall(r"--app (\S+)", command.usage) if command.name not in ("run", "shell", "routes") else []
    # As on the pages, whose apps refuse to start without a secret key.
    env = {**os.environ, "FLASK_SECRET_KEY": "facts-test"}
    out = subprocess.run([BIN / "flask", *(["--app", app[0]] if app else []), "--help"], cwd=ROOT / "examples",
                         capture_output=True, text=True, check=True, env=env).stdout
    listed = re.findall(r"^  (\S+)\s", out.split("Commands:")[1], re.M)
    assert command.name in listed
    assert command.usage.startswith("flask ") and command.name in command.usage.split()


@pytest.mark.parametrize("command", [c for c in SITE.commands.get("django", [])], ids=lambda c: c.name)
def test_django_commands_exist_in_the_management_registry(command):
    from django.core.management import get_commands

    assert command.name in command.usage.split()
    if command.name in get_commands():
        return
    # An add-on's command exists under the settings module its topic's page selects.
    settings = f"{command.topic}.django_app.settings"
    out = subprocess.run([sys.executable, "manage.py", "help", "--commands", "--settings", settings],
                         cwd=ROOT / "examples", capture_output=True, text=True, check=True).stdout
    assert command.name in out.split()


@pytest.mark.parametrize("topic", sorted(SITE.topics))
def test_every_topic_in_the_data_has_a_cookbook_page(topic):
    assert (ROOT / "docs" / "cookbook" / f"{topic}.md").is_file()

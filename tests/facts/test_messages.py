"""A wrong fact fails one test, whose id is the key and whose message starts with the file and line.

Run as a contributor meets it: the facts tests in a copy of the project with
five mistakes in the data, each a value that no longer matches the installed
frameworks. The mistakes are made from the real values, so a version upgrade
does not change this test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata

import pytest

from macros import datafile
from tests.conftest import copy_repo, site_data
from tests.facts.test_facts import flask_commands

SITE = site_data()  # invalid real data: the first module that reads it says why, this one skips
FLASK = SITE.frameworks["flask"]
ROUTES = next(i for i, c in enumerate(SITE.commands["flask"]) if c.name == "routes")

MISTAKES = [
    # (file, old, new, the test id, the key, the start of its message after the location)
    (
        "frameworks.yml",
        f'version: "{FLASK.current.version}"',
        'version: "0.0.1"',
        "test_current_version_is_pinned_and_installed[frameworks.yml:flask.current.version]",
        ("frameworks", "flask", "current", "version"),
        f"says 0.0.1, but examples/requirements.txt pins Flask=={FLASK.current.version}; change one so they agree",
    ),
    (
        "frameworks.yml",
        f"licence: {FLASK.licence}\n",
        "licence: MIT\n",
        "test_licence_matches_the_package_metadata[frameworks.yml:flask.licence]",
        ("frameworks", "flask", "licence"),
        f"says 'MIT', but the installed Flask {metadata.version('Flask')} declares '{FLASK.licence}'; write what the "
        "package declares",
    ),
    (
        "cli.yml",
        "    - name: routes\n",
        "    - name: urls\n",
        f"test_flask_commands_exist_in_the_flask_cli[cli.yml:flask.{ROUTES}.name]",
        ("commands", "flask", ROUTES, "name"),
        f"`flask urls` is not a command of the installed Flask CLI, which has {', '.join(flask_commands())}; use the "
        "name `flask --help` lists",
    ),
    (
        "features.yml",
        "        package: Flask-WTF\n",
        "        package: Flask-Forms\n",
        "test_every_addon_is_pinned_installed_and_used_by_an_example[features.yml:forms.flask.package]",
        ("features", "forms", "per", "flask", "package"),
        "Flask-Forms is not pinned in examples/requirements-common.txt; add `Flask-Forms==<version>` there (or spell "
        "the name as PyPI does)",
    ),
]


def failures(project) -> tuple[dict[str, str], str]:
    """{test id: first line of its message} of the facts tests run in ``project``."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/facts/test_facts.py",
            "-q",
            "--no-cov",
            "-rf",
            "-p",
            "no:cacheprovider",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "1000"},
    )
    found = re.findall(r"^FAILED tests/facts/test_facts\.py::(\S+) - (?:Failed: )?(.*)$", proc.stdout, re.M)
    return dict(found), proc.stdout


def test_each_wrong_fact_fails_one_test_named_by_its_key(tmp_path):
    project = copy_repo(tmp_path / "project")
    before, _ = failures(project)  # a mistake already in the real data is the real tests' to report
    expected = {}
    for file, old, new, test, path, message in MISTAKES:
        text = (project / "data" / file).read_text(encoding="utf-8")
        if test in before:
            continue
        assert old in text, f"data/{file} no longer holds {old!r}: update this test"
        (project / "data" / file).write_text(text.replace(old, new, 1), encoding="utf-8")
        expected[test] = f"{datafile.locate(project / 'data', file, path)}: {message}"
    if not expected:
        pytest.skip("every fact this test breaks is already wrong in the real data")
    after, output = failures(project)
    failed = {test: message for test, message in after.items() if test not in before}
    assert sorted(failed) == sorted(expected), output[-3000:]
    for test, message in expected.items():
        assert failed[test].startswith(message), f"{test}:\n got: {failed[test]}\nwant: {message}"

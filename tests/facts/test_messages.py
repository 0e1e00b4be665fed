"""A wrong fact fails one test, whose id is the key and whose message starts with the file and line.

Run as a contributor meets it: the facts tests in a copy of the project with
five mistakes in the data, each a value that no longer matches the installed
frameworks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from macros import data
from tests.conftest import copy_repo

MISTAKES = [
    # (file, old, new, the test id, the first line of its message after the location)
    ("frameworks.yml", 'version: "3.1.3"', 'version: "3.1.2"',
     "test_current_version_is_pinned_and_installed[frameworks.yml:flask.current.version]",
     ("frameworks", "flask", "current", "version"),
     "says 3.1.2, but examples/requirements.txt pins Flask==3.1.3; change one so they agree"),
    ("frameworks.yml", "licence: BSD-3-Clause", "licence: MIT",
     "test_licence_matches_the_package_metadata[frameworks.yml:flask.licence]", ("frameworks", "flask", "licence"),
     "says 'MIT', but the installed Flask 3.1.3 declares 'BSD-3-Clause'; write what the package declares"),
    ("cli.yml", "    - name: routes\n", "    - name: urls\n",
     "test_flask_commands_exist_in_the_flask_cli[cli.yml:flask.2.name]", ("commands", "flask", 2, "name"),
     "`flask urls` is not a command of the installed Flask CLI, which has routes, run, shell; use the name "
     "`flask --help` lists"),
    ("features.yml", "    topic: routing\n", "    topic: routes\n",
     "test_every_topic_in_the_data_has_a_cookbook_page[features.yml:routing.topic]", ("features", "routing", "topic"),
     "no page docs/cookbook/routes.md; a topic names a cookbook page: "),
    ("features.yml", "        package: Flask-WTF\n", "        package: Flask-Forms\n",
     "test_every_addon_is_pinned_installed_and_used_by_an_example[features.yml:forms.flask.package]",
     ("features", "forms", "per", "flask", "package"),
     "Flask-Forms is not pinned in examples/requirements-common.txt; add `Flask-Forms==<version>` there (or spell "
     "the name as PyPI does)"),
]


def test_each_wrong_fact_fails_one_test_named_by_its_key(tmp_path):
    project = copy_repo(tmp_path / "project")
    for file, old, new, *_ in MISTAKES:
        path = project / "data" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"data/{file} no longer holds {old!r}: update this test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/facts/test_facts.py", "-q", "--no-cov", "-rf", "-p", "no:cacheprovider"],
        cwd=project, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "1000"},
    )
    failed = dict(re.findall(r"^FAILED tests/facts/test_facts\.py::(\S+) - (?:AssertionError: |Failed: )?(.*)$",
                             proc.stdout, re.M))
    expected = {test: f"{data.locate(project / 'data', file, path)}: {message}"
                for file, _, _, test, path, message in MISTAKES}
    assert sorted(failed) == sorted(expected), proc.stdout[-3000:]
    for test, message in expected.items():
        assert failed[test].startswith(message), f"{test}:\n got: {failed[test]}\nwant: {message}"

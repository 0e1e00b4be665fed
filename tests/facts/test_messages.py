"""A wrong fact fails one test, whose id is the key and whose message starts with the file and line.

Each mistake is a value that no longer matches the installed frameworks, made from
the real one (so a version upgrade does not change this test), handed to the facts
test that reads it as pytest would hand it the data.
"""

from __future__ import annotations

from importlib import metadata

import pytest

from tests.facts import test_facts as facts
from tests.facts.test_facts import at, flask_commands

SITE = facts.SITE
FLASK = SITE.frameworks["flask"]
ROUTES = next(i for i, c in enumerate(SITE.commands["flask"]) if c.name == "routes")
FORMS = SITE.features["forms"].per["flask"]

MISTAKES = [
    # (the test, the id of its case, the wrong case, where its message says it is, what it says then)
    (
        facts.test_current_version_is_pinned_and_installed,
        "frameworks.yml:flask.current.version",
        ("flask", FLASK.model_copy(update={"current": FLASK.current.model_copy(update={"version": "0.0.1"})})),
        at("frameworks.yml", "frameworks", "flask", "current", "version"),
        f"says 0.0.1, but examples/requirements.txt pins Flask=={FLASK.current.version}; change one so they agree",
    ),
    (
        facts.test_licence_matches_the_package_metadata,
        "frameworks.yml:flask.licence",
        ("flask", FLASK.model_copy(update={"licence": "MIT"})),
        at("frameworks.yml", "frameworks", "flask", "licence"),
        f"says 'MIT', but the installed Flask {metadata.version('Flask')} declares '{FLASK.licence}'; write what the "
        "package declares",
    ),
    (
        facts.test_flask_commands_exist_in_the_flask_cli,
        f"cli.yml:flask.{ROUTES}.name",
        (ROUTES, SITE.commands["flask"][ROUTES].model_copy(update={"name": "urls"})),
        at("cli.yml", "commands", "flask", ROUTES, "name"),
        f"`flask urls` is not a command of the installed Flask CLI, which has {', '.join(flask_commands())}; use the "
        "name `flask --help` lists",
    ),
    (
        facts.test_every_addon_is_pinned_installed_and_used_by_an_example,
        "features.yml:forms.flask.package",
        ("forms", "flask", FORMS.model_copy(update={"package": "Flask-Forms"})),
        at("features.yml", "features", "forms", "per", "flask", "package"),
        "Flask-Forms is not pinned in examples/requirements-common.txt; add `Flask-Forms==<version>` there (or spell "
        "the name as PyPI does)",
    ),
]


@pytest.mark.parametrize(("test", "case", "wrong", "where", "says"), MISTAKES, ids=[m[1] for m in MISTAKES])
def test_each_wrong_fact_fails_one_test_named_by_its_key(test, case, wrong, where, says):
    (mark,) = test.pytestmark
    assert case in [p.id for p in mark.args[1]], f"{test.__name__} has no case {case}"
    with pytest.raises(pytest.fail.Exception) as failed:
        test(*wrong)
    assert failed.value.msg.startswith(f"{where}: {says}"), failed.value.msg


def test_a_wrong_version_leaves_the_measurement_to_the_version_test():
    wrong = MISTAKES[0][2]
    with pytest.raises(pytest.skip.Exception, match="test_current_version_is_pinned_and_installed says how"):
        facts.test_the_measurement_is_of_the_current_version(*wrong)

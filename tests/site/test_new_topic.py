"""Adding a topic is one path: `make new-topic`, fill in every FILL IN, and the checks pass.

Done in a copy of the repository, as a newcomer would: the scaffold alone must
not publish (its placeholders fail the build), and once the placeholders are
filled the strict build and the topic's fast checks pass. An example file that
no test runs then fails the coverage gate, naming the file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import build_site, copy_repo, problems

NAME = "paging"  # a topic the site does not have yet (relationships covers pagination)
FILLED = {
    f"docs/cookbook/{NAME}.md": [
        (r'description: "FILL IN:[^"]*"',
         "description: Split a long list into pages in Flask and in Django, with the page number in the query string."),
        (r"\*\*FILL IN:[^*]*\*\*", "**Flask reads the page number from `request.args`; Django's `Paginator` "
                                   "cuts a list into pages for you.**"),
        (r"FILL IN: a short plain paragraph[^.]*\.", "The example answers on one address in each framework."),
        (r"## FILL IN:[^\n]*", "## One page of results"),
        (r"FILL IN: a sentence or two[^.]*\.", "Each view answers a GET and refuses anything else."),
    ],
    "docs/cookbook/index.md": [(r"FILL IN: what the page does, in a few words\.", "a long list, one page at a time.")],
    "data/features.yml": [
        (r'"FILL IN: the feature[^"]*"', "Splitting a list into pages"),
        (r'"FILL IN: what a Flask developer uses[^"]*"', '"`request.args.get(\\"page\\", type=int)`"'),
        (r"flask\.FILL_IN", "flask.Request.args"),
        (r"https://flask\.palletsprojects\.com/FILL-IN", "https://flask.palletsprojects.com/en/stable/api/#flask.Request.args"),
        (r'"FILL IN: what a Django developer uses[^"]*"', "django.core.paginator.Paginator"),
        (r"django\.FILL_IN", "django.core.paginator.Paginator"),
        (r"https://docs\.djangoproject\.com/FILL-IN", "https://docs.djangoproject.com/en/6.1/topics/pagination/"),
    ],
}
# The topic's fast checks: its example tests, the page shape, the facts about its data, coverage.
CHECKS = [f"tests/examples/test_{NAME}.py", "tests/site/test_page_shape.py", "tests/site/test_examples_shown.py",
          "tests/facts/test_facts.py", "-k", f"{NAME} or in_the_nav or is_a_package or is_shown"]


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=300)


def pytest_in(project: Path, *args: str) -> subprocess.CompletedProcess:
    opts = f"--import-mode=importlib -p no:cacheprovider --strict-markers --cov=examples/{NAME} --cov-fail-under=95"
    return run([sys.executable, "-m", "pytest", "-q", "-o", f"addopts={opts}", *args], project)


def test_a_scaffolded_topic_builds_and_passes_its_checks_once_filled_in(mkdocs_site, tmp_path):
    project = copy_repo(tmp_path / "project")
    made = run(["make", "--no-print-directory", "new-topic", f"NAME={NAME}", "TITLE=Paging", "GROUP=data"], project)
    assert made.returncode == 0, made.stdout
    assert "in the Cookbook's group 'Data'" in made.stdout, made.stdout
    for rel in (f"docs/cookbook/{NAME}.md", f"examples/{NAME}/__init__.py", f"examples/{NAME}/django_app/__init__.py",
                f"examples/{NAME}/django_app/apps.py", f"tests/examples/test_{NAME}.py"):
        assert (project / rel).is_file(), f"make new-topic did not write {rel}"
    # In the group named, in nav and in the cookbook's list of pages.
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(rf"\n      - Data:\n(?:          - .*\n)*          - Paging: cookbook/{NAME}\.md\n      - ", nav), nav
    index = (project / "docs/cookbook/index.md").read_text(encoding="utf-8")
    assert re.search(rf"### Data\n\n(?:[-\s].*\n)*- \[Paging\]\({NAME}\.md\): FILL IN.*\n\n### ", index), index

    # As scaffolded, nothing publishes: the placeholders fail the build, first line first.
    unfilled = build_site(project, tmp_path / "unfilled")
    assert unfilled.returncode != 0
    assert re.match(rf"data/features\.yml, line \d+: features\.{NAME}\.name: still holds the placeholder ",
                    problems(unfilled.output)[0]), unfilled.output

    for rel, edits in FILLED.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for pattern, real in edits:
            text, count = re.subn(pattern, lambda _: real, text)
            assert count == 1, f"{rel}: the scaffold no longer holds {pattern!r}: update this test"
        path.write_text(text, encoding="utf-8")
    left = run(["grep", "-rn", "FILL", "docs", "data", "examples", "tests/examples", "mkdocs.yml"], project)
    assert left.stdout == "", f"placeholders left after filling:\n{left.stdout}"

    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, "\n".join(problems(built.output)) or built.output
    checked = pytest_in(project, *CHECKS)
    assert checked.returncode == 0, checked.stdout[-4000:]
    assert re.search(r"\b1[0-9] passed", checked.stdout), checked.stdout[-2000:]

    # An example file that no test imports cannot hide in the coverage total.
    (project / f"examples/{NAME}/flask_helpers.py").write_text('def page_count(total, size):\n    return -(-total // size)\n')
    unrun = pytest_in(project, f"tests/examples/test_{NAME}.py")
    assert unrun.returncode != 0
    assert (f"ERROR: examples/{NAME}/flask_helpers.py: no test runs any of its 2 lines; import it from a test in "
            "tests/examples/ and drive it as a reader would (or delete it)") in unrun.stdout, unrun.stdout[-2000:]

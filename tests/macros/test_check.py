"""`python -m macros.check`: the mistakes that used to pass every check, each named by file and line.

Each test makes one mistake in a copy of docs/, data/, examples/ and
mkdocs.yml and reads the checker's messages; no site is built. The build runs
the same functions (define_env), so what fails here fails `make build` too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from macros import check
from tests.conftest import ROOT


@pytest.fixture
def project(tmp_path):
    for part in ("docs", "data", "examples", "includes"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def edit(project, rel, old, new):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def only(project) -> str:
    found = check.problems(project)
    assert len(found) == 1, "\n".join(found)
    return found[0]


def test_the_real_guide_has_no_problem():
    assert check.problems(ROOT) == []


def test_the_command_line_prints_each_problem_and_fails(project):
    edit(project, "docs/cookbook/logs.md", "## Run it", "#### Run it")
    run = subprocess.run(
        [sys.executable, "-m", "macros.check", "--root", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.startswith("docs/cookbook/logs.md, line "), run.stderr
    assert re.search(r"macros\.check: 1 problem in \d+\.\d s", run.stderr), run.stderr


# The five that passed every check before this checker ---------------------------


def test_swapped_flask_and_django_cells(project):
    line = edit(project, "data/features.yml", "module: flask.Blueprint", "module: django.urls.include")
    assert only(project).startswith(f"data/features.yml, line {line}: features.")
    assert "'django.urls.include' is Django's, under `flask:`; the cells look swapped" in only(project)


def test_a_front_matter_title_that_differs_from_the_h1(project):
    edit(project, "docs/choosing/size.md", "---\n", "---\ntitle: Sizes\n")
    lines = (project / "docs/choosing/size.md").read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, x in enumerate(lines) if x.startswith("# "))
    assert only(project).startswith(f"docs/choosing/size.md, line {line}: the `# ")
    assert "differs from the front matter's `title: Sizes`" in only(project)


def test_two_pages_with_the_same_h1(project):
    edit(project, "docs/choosing/tooling.md", "\n# Tooling", "\n# Size")
    found = only(project)
    assert re.match(
        r"docs/choosing/(size|tooling)\.md, line \d+: `# \S+` is also the title of "
        r"docs/choosing/(size|tooling)\.md \(line \d+\)",
        found,
    ), found


def test_a_python_block_typed_on_a_cookbook_page(project):
    line = edit(project, "docs/cookbook/forms.md", "## Run it", "```python\nprint(1)\n```\n\n## Run it")
    assert only(project).startswith(
        f"docs/cookbook/forms.md, line {line}: a Python code block typed on a "
        "cookbook page, which no test runs; put the code in examples/<topic>/"
    )


def test_a_heading_that_skips_a_level(project):
    line = edit(project, "docs/cookbook/logs.md", "## Run it", "#### Run it")
    assert only(project) == (
        f"docs/cookbook/logs.md, line {line}: `#### Run it` skips a level after a level-2 "
        "heading, so the table of contents and screen readers lose its place; write it as "
        "`### Run it`"
    )


# Messages that now name the line and say what was meant -------------------------


def test_a_link_to_a_missing_page_suggests_the_page_meant(project):
    line = edit(project, "docs/choosing/size.md", "(scope.md", "(scop.md")
    assert only(project) == (
        f"docs/choosing/size.md, line {line}: the link to scop.md reaches no page "
        "(docs/choosing/scop.md does not exist); did you mean scope.md?"
    )


def test_a_missing_anchor_lists_the_anchors_the_page_has(project):
    line = edit(project, "docs/index.md", "speed.md#memory-per-worker", "speed.md#memory-per-workr")
    found = only(project)
    assert found.startswith(
        f"docs/index.md, line {line}: docs/choosing/speed.md has no anchor #memory-per-workr; "
        "did you mean #memory-per-worker? its anchors are: #"
    ), found
    assert "#start-up" in found


def test_a_nav_typo_suggests_the_page_meant(project):
    line = edit(project, "mkdocs.yml", "choosing/scope.md", "choosing/scop.md")
    assert check.problems(project)[0] == (
        f"mkdocs.yml, line {line}: nav names choosing/scop.md, which is not in docs/; did you mean choosing/scope.md?"
    )


def test_an_unknown_url_name_in_an_example_template_names_the_template_and_line(project):
    rel = next(
        p.relative_to(project).as_posix()
        for p in (project / "examples/crud").rglob("*.html")
        if "crud:book_create" in p.read_text(encoding="utf-8")
    )
    line = edit(project, rel, "crud:book_create", "crud:book_creat")
    assert only(project) == (
        f"{rel}, line {line}: {{% url 'crud:book_creat' %}} names no URL, so the page fails "
        "with NoReverseMatch; did you mean 'crud:book_create'?"
    )


def test_a_page_left_out_of_nav_names_the_line_to_add(project):
    (project / "docs/choosing/extra.md").write_text(
        "---\ndescription: A page nobody can reach from a menu.\n---\n\n"
        "# An extra page\n\n**One bold sentence.** Then plain text.\n"
    )
    assert only(project) == (
        "docs/choosing/extra.md, line 1: the page is not in mkdocs.yml's nav, so no menu leads "
        "to it; add `- An extra page: choosing/extra.md` to nav in the section it belongs to "
        "(or delete the page)"
    )


# The topic manifests against nav, the page and the commands ----------------------


def test_the_nav_lists_each_topic_in_the_group_its_manifest_names(project):
    line = edit(project, "examples/caching/topic.yml", "group: Production", "group: Productoin")
    assert only(project) == (
        f"examples/caching/topic.yml, line {line}: group: 'Productoin' is not one of the Cookbook's groups in "
        "mkdocs.yml's nav (Basics, Data, Users and security, APIs and real time, Production, Growing an app); "
        "did you mean 'Production'? a new group is a `- Name: []` line there"
    )
    edit(project, "examples/caching/topic.yml", "group: Productoin", "group: Production")
    edit(project, "mkdocs.yml", "      - Data: []", "      - Data:\n          - Caching: cookbook/caching.md")
    assert check.problems(project) == [
        f"mkdocs.yml, line {_line(project, 'cookbook/caching.md')}: cookbook/caching.md is listed by hand, but "
        "the Cookbook's groups list their topics from the manifests; delete the line, and give "
        "examples/caching/topic.yml `group:` (one of Basics, Data, Users and security, APIs and real time, "
        "Production, Growing an app) and `title:`",
        f"mkdocs.yml, line {_line(project, '- Data:')}: write the group as `- Data: []`; its topics come from "
        "the manifests that name it (examples/<topic>/topic.yml, `group:`)",
    ]


def test_a_manifest_title_that_differs_from_the_page_and_a_summary_left_to_fill(project):
    edit(project, "examples/caching/topic.yml", "title: Caching", "title: Caches")
    line = edit(project, "examples/caching/topic.yml", "summary: ", "summary: FILL IN ")
    assert check.problems(project) == [
        f"examples/caching/topic.yml, line {line}: still holds a placeholder from `make new-topic` "
        '("summary: FILL IN Flask-Caching against Django\'s cache framew"); write the real text',
        "docs/cookbook/caching.md, line 5: the `# Caching` differs from `title: Caches` in "
        "examples/caching/topic.yml; make them the same (the manifest's title is the nav label)",
    ]


def test_a_data_row_names_a_declared_topic(project):
    line = edit(project, "data/features.yml", "topic: relationships", "topic: relationship")
    assert only(project) == (
        f"data/features.yml, line {line}: features.relations.topic: no topic 'relationship' "
        "(no examples/relationship/topic.yml); a row's topic is the cookbook page that shows "
        "it: did you mean 'relationships'?"
    )


def test_a_topic_starting_redis_declares_it(project):
    edit(project, "examples/tasks/topic.yml", "services: [redis]", "services: []")
    assert only(project).startswith("examples/tasks/topic.yml, line 1: services: its commands start redis-server")


def _line(project, needle):
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_measured_mark_the_data_no_longer_supports(project):
    line = edit(project, "docs/choosing/speed.md", "admin.cpu_ms: neither", "admin.cpu_ms: django")
    assert only(project).startswith(
        f"docs/choosing/speed.md, line {line}: the paragraph relies on benchmark.requests.admin.cpu_ms "
        "showing Django, but it shows no clear difference. Rewrite the paragraph above the mark"
    )


# Code that fits two columns side by side (issue 23) ------------------------------


def test_a_shown_line_wider_than_72_characters_is_named_by_file_and_line(project):
    line = edit(project, "examples/hello/flask_app.py", "def index():", "def index():  # " + "x" * 60)
    found = only(project)
    assert found.startswith(f"examples/hello/flask_app.py, line {line}: this line of section 'app' is ")
    assert "pages show at most 72" in found and "on its own line above" in found


def test_a_line_that_is_one_word_cannot_be_split_and_passes(project):
    edit(
        project,
        "examples/hello/flask_app.py",
        "def index():",
        'def index():\n    "https://example.com/' + "x" * 80 + '"',
    )
    assert check.problems(project) == []

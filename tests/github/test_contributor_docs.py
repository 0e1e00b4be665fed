"""README and CONTRIBUTING hold to rules a newcomer relies on, not to sentences.

Every rule here is over everything it covers: every `make X` they name is a
Makefile target; every path they name exists (or is a build output git
ignores); every program CI installs for the tests is named where a newcomer
sets up; every test folder is on CONTRIBUTING's map; the example topic name
works; CONTRIBUTING stays a ten-minute read, with set-up, the fast loop and
the map on its first screen; and the messages it shows are the ones the
checks give.
"""

from __future__ import annotations

import fnmatch
import functools
import re
import subprocess
import textwrap

import pytest

from tests.conftest import ROOT
from tests.github.conftest import ci_packages

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z][-a-z]*):", MAKEFILE, re.M))
README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

# Where a contributor reads a command: the docs, and the comments of the files they edit.
DOCS = ["README.md", "CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"]
COMMENTED = sorted(
    {
        p.relative_to(ROOT).as_posix()
        for p in [*ROOT.glob("requirements*.txt"), *ROOT.glob("examples/requirements*.txt")]
    }
)
# About ten minutes of reading (issue 26).
MAX_WORDS = 2500
# A first screen: a laptop's editor or GitHub's file view, before any scrolling worth the name.
FIRST_SCREEN = 80
FENCED = re.compile(r"^```.*?^```", re.M | re.S)


@pytest.mark.parametrize("doc", DOCS + COMMENTED)
def test_every_make_command_named_is_a_makefile_target(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"`make ([a-z][-a-z]*)", text)) | set(re.findall(r"^make ([a-z][-a-z]*)", text, re.M))
    assert named or doc in COMMENTED, f"{doc} names no make command"
    assert named <= TARGETS, f"{doc} names targets the Makefile lacks: {sorted(named - TARGETS)}"


def test_readme_gives_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    commands = [
        [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
        for block in blocks
        if block.lstrip().startswith("make ")
    ]
    assert commands == [["make serve", "make test"]], f"README.md: the make block reads {commands}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M), ".ci/run no longer runs the README's test command"


# The programs the tests need that pip cannot install, from the scripts that install them.
def _prerequisites() -> dict[str, str]:
    """{Debian package: the script that installs or names it}."""
    found = dict.fromkeys(ci_packages(), ".ci/run")
    tools = (ROOT / "tools" / "ensure-tools").read_text(encoding="utf-8")
    for package in re.findall(r'missing="\$missing ([-\w]+)"', tools):
        found.setdefault(package, "tools/ensure-tools")
    browser = (ROOT / "tools" / "ensure-browser").read_text(encoding="utf-8")
    for package in re.findall(r"apt-get install (?:-\S+\s+)*([a-z][-\w]*)", browser):
        found.setdefault(package, "tools/ensure-browser")
    return found


def _apt_lines(text: str) -> list[set[str]]:
    return [set(line.split()) for line in re.findall(r"^\s*sudo apt-get install (.*)$", text, re.M)]


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md"])
def test_every_prerequisite_the_tests_need_is_named_in_one_install_line(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    lines = _apt_lines(text)
    assert len(lines) == 1, f"{doc}: name every Debian package in one `sudo apt-get install ...` line, not {len(lines)}"
    missing = {p: where for p, where in _prerequisites().items() if p not in lines[0]}
    assert not missing, (
        f"{doc}: the install line lacks {sorted(missing)}, which "
        f"{', '.join(sorted(set(missing.values())))} installs for the tests; add it to the line"
    )


def _named_paths(text: str) -> list[str]:
    """Repository paths a document names: inline code and link targets, outside fenced blocks."""
    prose = FENCED.sub("", text)
    named = re.findall(r"`([^`\s]+)`", prose) + re.findall(r"\]\(([^)#\s]+)\)", prose)
    return [
        n
        for n in named
        if "://" not in n
        and not n.startswith(("-", "$"))
        and "=" not in n
        and ("/" in n or re.search(r"\.(py|yml|yaml|md|toml|txt|sh|js|json|html|cfg)$", n))
    ]


def _exists(path: str) -> bool:
    """A tracked file is, or is inside, the path (`<topic>` standing for any topic); a path
    that does not start at the root (`django_app/apps.py`) may end a tracked one."""
    pattern = re.sub(r"<[a-z]+>", "*", path).rstrip("/")
    shapes = (pattern, f"{pattern}/*", f"*/{pattern}", f"*/{pattern}/*")
    return any(fnmatch.fnmatchcase(f, shape) for f in _tracked() for shape in shapes)


def _ignored(path: str) -> bool:
    """A build output or environment: git ignores it (site/, .venv/, .cache/ ...)."""
    proc = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, capture_output=True)
    return proc.returncode == 0


def _example_topic(text: str = CONTRIBUTING) -> tuple[str, str | None] | None:
    found = re.search(r'make new-topic NAME=(\w+)(?:.*?GROUP="?([^"\]]+)"?)?', text)
    return (found.group(1), found.group(2)) if found else None


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md"])
def test_every_path_named_exists(doc):
    """A path the scaffold writes counts as named by its pattern: examples/feeds/ is examples/<topic>/."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    topic = _example_topic(text)
    missing = []
    for path in _named_paths(text):
        if topic:
            path = re.sub(rf"(?<![a-z0-9]){topic[0]}(?![a-z0-9])", "<topic>", path)
        if not _exists(path) and not _ignored(path):
            missing.append(path)
    assert not missing, f"{doc} names paths that do not exist: {missing}; correct them or say where they are"


def test_the_example_topic_name_is_free_and_its_group_exists():
    """The `make new-topic` line CONTRIBUTING shows works on this checkout (the same checks as the tool's)."""
    from tools import new_topic

    topic = _example_topic()
    assert topic, "CONTRIBUTING.md shows no `make new-topic NAME=...` line"
    name, group = topic
    try:
        new_topic.check_name(ROOT, name)
    except SystemExit as refused:
        pytest.fail(f"CONTRIBUTING.md: `make new-topic NAME={name}` fails: {refused}; show a name that is free")
    groups = new_topic.nav_groups((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert group is None or group in groups, f"CONTRIBUTING.md: GROUP={group!r} is not a Cookbook group: {groups}"


def _tree(text: str) -> list[str]:
    tree = re.search(r"```text\n(.*?)```", text, re.S)
    assert tree, "no ```text tree of the repository"
    return [line.split()[0] for line in tree.group(1).splitlines() if line.strip()]


@functools.cache
def _tracked() -> list[str]:
    proc = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("not a git checkout")
    return proc.stdout.splitlines()


def test_readme_names_every_top_level_folder():
    listed = {entry.rstrip("/") for entry in _tree(README)}
    folders = {line.split("/")[0] for line in _tracked() if "/" in line}
    assert folders <= listed, f"README's tree misses {sorted(folders - listed)}"


def test_contributing_maps_every_test_folder_and_only_what_exists():
    listed = _tree(CONTRIBUTING)
    gone = [entry for entry in listed if not _exists(entry)]
    assert not gone, f"CONTRIBUTING's tree lists what does not exist: {gone}"
    folders = {"/".join(line.split("/")[:2]) + "/" for line in _tracked() if re.match(r"tests/\w+/", line)}
    assert folders <= set(listed), f"CONTRIBUTING's tree misses {sorted(folders - set(listed))}"


def test_contributing_is_a_ten_minute_read():
    words = len(CONTRIBUTING.split())
    assert words < MAX_WORDS, (
        f"CONTRIBUTING.md is {words} words, over {MAX_WORDS}; move reference detail into the docstring "
        "of the module it describes (or its --help) and link to it by path"
    )


def test_contributing_first_screen_gives_setup_the_fast_loop_and_the_map():
    first = "\n".join(CONTRIBUTING.splitlines()[:FIRST_SCREEN])
    assert _apt_lines(first), f"CONTRIBUTING.md: the install line is not in the first {FIRST_SCREEN} lines"
    loop = re.search(r"^\|\s*`make check`.*\|\s*([^|]*\d+\s*(s|min|seconds?|minutes?)\b[^|]*)\|\s*$", first, re.M)
    assert loop, f"CONTRIBUTING.md: no `make check` row with its time in the first {FIRST_SCREEN} lines"
    assert "```text\n" in first and first.count("```") >= 4, (
        f"CONTRIBUTING.md: the map of where things live does not end in the first {FIRST_SCREEN} lines"
    )


def test_licences_are_named_where_readers_look():
    for doc, text in (("README.md", README), ("CONTRIBUTING.md", CONTRIBUTING)):
        assert "MIT" in text, doc
        assert "CC BY 4.0" in text or "Creative Commons Attribution 4.0" in text, doc
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "https://creativecommons.org/licenses/by/4.0/" in (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")


def _shown_messages() -> list[str]:
    """The text blocks CONTRIBUTING shows as real messages, in order."""
    part = CONTRIBUTING[CONTRIBUTING.index("## How errors look") :]
    part = part[: part.index("\n## ", 3)]
    return [textwrap.dedent(block).strip() for block in re.findall(r"```text\n(.*?)```", part, re.S)]


def test_the_messages_contributing_shows_are_the_ones_the_checks_give(tmp_path):
    """Made with the same code as the build and the tests, from the same mistakes."""
    import shutil

    from macros import data, pages
    from tests.facts.test_messages import MISTAKES

    hello = (ROOT / "docs/cookbook/hello.md").read_text(encoding="utf-8").replace("description:", "descripton:", 1)
    page = pages.page_problems("docs/cookbook/hello.md", hello)[0]

    shutil.copytree(ROOT / "data", tmp_path / "data")
    frameworks = tmp_path / "data/frameworks.yml"
    text = frameworks.read_text(encoding="utf-8")
    frameworks.write_text(re.sub(r'release_line: "[^"]*"', "release_line: 3.10", text, count=1), encoding="utf-8")
    with pytest.raises(data.DataError) as exc:
        data.load(tmp_path / "data")
    loaded = str(exc.value).splitlines()[0]

    # `flask routes` misspelt `flask urls` in data/cli.yml, as tests/facts/test_messages.py makes it.
    test, case, wrong, _, _ = next(m for m in MISTAKES if m[0].__name__ == "test_flask_commands_exist_in_the_flask_cli")
    with pytest.raises(pytest.fail.Exception) as failed:
        test(*wrong)
    test_id = f"{test.__name__}[{case}]"

    shown = _shown_messages()
    assert shown[:2] == [f"WARNING -  {page}", f"ERROR   -  {loaded}"]
    header, message = shown[2].split("\n")
    assert re.fullmatch(rf"_+ {re.escape(test_id)} _+", header) and len(header) in (80, 81), header
    assert message == failed.value.msg

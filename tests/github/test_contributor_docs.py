"""README and CONTRIBUTING tell a newcomer commands that exist and the command CI runs."""

from __future__ import annotations

import re
import subprocess
import textwrap

import pytest

from tests.conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z][-a-z]*):", MAKEFILE, re.M))


# Where a contributor reads a command: the docs, and the comments of the files they edit.
DOCS = ["README.md", "CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"]
COMMENTED = sorted(
    {
        p.relative_to(ROOT).as_posix()
        for p in [*ROOT.glob("requirements*.txt"), *ROOT.glob("examples/requirements*.txt")]
    }
)


@pytest.mark.parametrize("doc", DOCS + COMMENTED)
def test_every_make_command_named_is_a_makefile_target(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"`make ([a-z][-a-z]*)", text))
    assert named or doc in COMMENTED, f"{doc} names no make command"
    assert named <= TARGETS, f"{doc} names targets the Makefile lacks: {sorted(named - TARGETS)}"


def test_readme_gives_the_two_setup_commands_ci_relies_on():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M), ".ci/run no longer runs the README's test command"


def test_readme_names_every_top_level_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = re.search(r"```text\n(.*?)```", readme, re.S).group(1)
    listed = {line.split()[0].rstrip("/") for line in tree.splitlines() if line.strip()}
    # The folders the repository tracks, not caches and virtual environments.
    proc = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("not a git checkout")
    folders = {line.split("/")[0] for line in proc.stdout.splitlines() if "/" in line}
    assert folders <= listed, f"README's tree misses {sorted(folders - listed)}"


def test_licences_are_named_where_readers_look():
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert "MIT" in text, doc
        assert "CC BY 4.0" in text or "Creative Commons Attribution 4.0" in text, doc
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "https://creativecommons.org/licenses/by/4.0/" in (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")


def _shown_messages() -> list[str]:
    """The text blocks CONTRIBUTING shows as real messages, in order."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    part = text[text.index("A mistake fails once, with its own message first.") :]
    part = part[: part.index("\n## ")]
    return [textwrap.dedent(block).strip() for block in re.findall(r"```text\n(.*?)```", part, re.S)]


def test_the_messages_contributing_shows_are_the_ones_the_checks_give(tmp_path):
    """Made with the same code as the build and the tests, from the same mistakes."""
    import shutil

    from macros import data, pages
    from tests.facts import test_facts

    hello = (ROOT / "docs/cookbook/hello.md").read_text(encoding="utf-8").replace("description:", "descripton:", 1)
    page = pages.page_problems("docs/cookbook/hello.md", hello)[0]

    shutil.copytree(ROOT / "data", tmp_path / "data")
    frameworks = tmp_path / "data/frameworks.yml"
    text = frameworks.read_text(encoding="utf-8")
    frameworks.write_text(re.sub(r'release_line: "[^"]*"', "release_line: 3.10", text, count=1), encoding="utf-8")
    with pytest.raises(data.DataError) as exc:
        data.load(tmp_path / "data")
    loaded = str(exc.value).splitlines()[0]

    routes = next(i for i, c in enumerate(test_facts.SITE.commands["flask"]) if c.name == "routes")
    wrong = test_facts.SITE.commands["flask"][routes].model_copy(update={"name": "urls"})
    with pytest.raises(pytest.fail.Exception) as failed:
        test_facts.test_flask_commands_exist_in_the_flask_cli(routes, wrong)
    test = test_facts.test_flask_commands_exist_in_the_flask_cli
    test_id = f"{test.__name__}[{test.pytestmark[0].args[1][routes].id}]"

    shown = _shown_messages()
    assert shown[:2] == [f"WARNING -  {page}", f"ERROR   -  {loaded}"]
    header, message = shown[2].split("\n")
    assert re.fullmatch(rf"_+ {re.escape(test_id)} _+", header) and len(header) in (80, 81), header
    assert message == failed.value.msg

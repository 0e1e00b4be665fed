"""README and CONTRIBUTING tell a newcomer commands that exist and the command CI runs."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z][-a-z]*):", MAKEFILE, re.M))


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"])
def test_every_make_command_named_is_a_makefile_target(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"`make ([a-z][-a-z]*)", text))
    assert named, f"{doc} names no make command"
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

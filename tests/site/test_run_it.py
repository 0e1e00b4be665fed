"""Every cookbook page's "Run it", as built: the same steps on all of them, from an empty folder.

tests/examples/test_run_it.py runs those steps; this reads the built pages and
checks that each framework's tab has them all: a set-up block with the install
line at the versions the examples are tested with (read here from the data and
the requirement files, not from the macro that wrote it), the folder's tree,
the lines a Django project needs, the commands, and the expected output. It
also checks that code-block titles link to their files in the repository, and
that no page offers the old "view source" button.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from macros import topics
from macros.run_it import logical, read_pins
from tests.conftest import ROOT
from tests.html_tables import code_blocks

EXAMPLES = ROOT / "examples"
TOPICS = list(topics.load(EXAMPLES))  # every topic, by its manifest (macros/topics.py)
FRAMEWORKS = yaml.safe_load((ROOT / "data" / "frameworks.yml").read_text(encoding="utf-8"))["frameworks"]


class _Config(yaml.SafeLoader):
    """mkdocs.yml with `!ENV [NAME, default]` read as its default, and other tags ignored."""


_Config.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_Config.add_multi_constructor("", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config)
# Where a file of the repository opens: the site built with the default repo_url and edit_uri.
BLOB = f"{CONFIG['repo_url']}/blob/{CONFIG['edit_uri'].split('/')[1]}/"


CURRENT = read_pins(ROOT / "requirements-test.txt") | read_pins(ROOT / "examples/requirements.txt")
LTS = read_pins(ROOT / "requirements-test.txt") | read_pins(ROOT / "examples/requirements-lts.txt")


def blocks_of(site: Path, page: str) -> list[dict]:
    return code_blocks((site / page / "index.html").read_text(encoding="utf-8"))


def install_line(setup: str) -> list[Requirement]:
    # A long install line continues with a backslash (macros/run_it.py wrap): read it as bash does.
    [line] = [line for line in logical(setup.splitlines()) if line.startswith("pip install ")]
    return [Requirement(word) for word in shlex.split(line)[2:]]


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, list[dict]]:
    return {topic: blocks_of(built_site.site, f"cookbook/{topic}") for topic in TOPICS}


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("key", ["flask", "django"])
def test_run_it_has_every_step_in_each_frameworks_tab(pages, topic, key):
    fw = FRAMEWORKS[key]
    tab = [b for b in pages[topic] if b["run_it"] and b["tab"] == fw["name"]]
    titles = [b["title"].strip() for b in tab]
    where = f"docs/cookbook/{topic}.md, Run it, {fw['name']} tab"
    assert titles[:2] == ["Set up", "Your folder"], f"{where}: blocks {titles}"
    setup, folder = tab[0], tab[1]
    assert {"run-it", "language-bash"} <= set(setup["classes"])

    # 1. A virtual environment, then the install line at the tested versions.
    lines = setup["code"].splitlines()
    assert lines[0].startswith("python3 -m venv .venv") and lines[1].startswith("source .venv/bin/activate"), where
    wanted = install_line(setup["code"])
    assert canonicalize_name(wanted[0].name) == canonicalize_name(fw["package"]), f"{where}: {fw['package']} first"
    for req in wanted:
        name = canonicalize_name(req.name)
        tested = fw["current"]["version"] if name == canonicalize_name(fw["package"]) else CURRENT.get(name)
        assert str(req.specifier) == f"=={tested}", f"{where}: {req}, but the examples are tested with {tested}"
    if fw.get("lts"):
        # "# Django 5.2 LTS instead (Python 3.10 or newer):", then "# pip install ..." on comment lines.
        [start] = [
            i
            for i, line in enumerate(lines)
            if line.startswith(f"# {fw['name']} {fw['lts']['release_line']} LTS instead")
        ]
        rest = [lines[start + 1]] + [line for line in lines[start + 2 :] if line.startswith("#   ")]
        lts = " ".join(line.lstrip("# ") for line in rest)
        assert lts.startswith("pip install "), f"{where}: the LTS line has no pip install: {lts}"
        for word in shlex.split(lts.split("pip install ", 1)[1]):
            req = Requirement(word)
            name = canonicalize_name(req.name)
            tested = fw["lts"]["version"] if name == canonicalize_name(fw["package"]) else LTS.get(name)
            assert str(req.specifier) == f"=={tested}", f"{where}, LTS line: {req}, but the LTS run uses {tested}"

    # 2. The project skeleton and the folder's tree, with the topic's package in it.
    if key == "django":
        assert "django-admin startproject project ." in lines, where
    tree = folder["code"].splitlines()
    assert tree[0] == "." and any(line.endswith(f"── {topic}/") for line in tree), f"{where}: {tree}"
    assert "run-it" in folder["classes"]
    if key == "django":
        settings = next(b for b in tab if b["title"].strip() == "project/settings.py")
        assert 'DEBUG = os.environ.get("DJANGO_DEBUG") == "1"' in settings["code"]
        assert "├── manage.py" in folder["code"]

    # 3 and 4. The commands, and the expected output under them, from the topic's commands file.
    commands = f"{topic}/{key}_commands.sh"
    shown = [b for b in tab if b["title"].strip() == commands]
    assert shown, f"{where}: no block from examples/{commands}"
    assert all(b["href"] == f"{BLOB}examples/{commands}" for b in shown), f"{where}: {[b['href'] for b in shown]}"
    expect = shown[-1]["code"].splitlines()
    assert expect and not expect[0].startswith("#"), f"{where}: the expected output starts with a command"
    assert any(line.startswith("# ") for line in expect), f"{where}: no output shown under the commands"


def test_every_title_that_names_an_example_file_links_to_it(pages, built_site):
    """Every code block titled with an example's path opens that file in the repository."""
    checked, wrong = 0, []
    for page in sorted(built_site.site.rglob("index.html")):
        rel = page.parent.relative_to(built_site.site).as_posix()
        for block in blocks_of(built_site.site, rel) if rel != "." else blocks_of(built_site.site, ""):
            title = block["title"].strip()
            # A Run it's built blocks (class run-it) name the reader's files, not the repository's.
            if (EXAMPLES / title).is_file() and "run-it" not in block["classes"]:
                checked += 1
                if block["href"] != f"{BLOB}examples/{title}":
                    wrong.append(f"{rel}: {title} -> {block['href']}")
    assert checked > 100, "hardly any example titles found: is the parser still right?"
    assert wrong == []


def test_no_page_offers_the_view_source_button(built_site):
    """It opened the page's Markdown, macro calls and all; titles and Run it link to the code instead."""
    offering = [
        str(p.relative_to(built_site.site))
        for p in built_site.site.rglob("*.html")
        if re.search(r'title="View source of this page"', p.read_text(encoding="utf-8"))
    ]
    assert offering == []

"""Every guide page has the shape a reader relies on (issue: the article, expanded)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TABLE = re.compile(r"\{\{\s*(at_a_glance|feature_matrix|addon_table|cli_table|topic_table|speed_table)\(")
# A tab pair is a call with a topic and a section; any name counts here, so a misspelt
# example() fails once, in the build, which names the line and the macro meant.
EXAMPLE = re.compile(r"""\{\{\s*\w+\(\s*["'][\w-]+["']\s*,\s*["'][\w-]+["']""")
CHOOSING = sorted(p for p in (DOCS / "choosing").glob("*.md") if p.name != "index.md")
COOKBOOK = sorted(p for p in (DOCS / "cookbook").glob("*.md") if p.name != "index.md")


def nav_pages() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["nav"]

    def walk(item):
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from walk(value)
        elif isinstance(item, list):
            for value in item:
                yield from walk(value)
    return list(walk(nav))


def opening(text: str) -> str:
    """The first paragraph after the `# Title`."""
    if "\n# " not in text:
        pytest.skip("the page has no `# Title` line: the build reports that, naming the line")
    body = text.split("\n# ", 1)[1].split("\n", 1)[1]
    return next((p for p in body.split("\n\n") if p.strip()), "")


@pytest.mark.parametrize("page", CHOOSING + COOKBOOK, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page_opens_with_the_answer_in_bold(page):
    first = opening(page.read_text(encoding="utf-8"))
    assert first.lstrip().startswith("**"), (
        f"docs/{page.parent.name}/{page.name}: the paragraph under the title does not open with the answer in "
        f"bold; start it with **one sentence that answers the page's question.** (it starts {first[:50]!r})")


@pytest.mark.parametrize("page", CHOOSING, ids=lambda p: p.stem)
def test_choosing_pages_have_a_data_table_an_example_and_a_closing_verdict(page):
    text = page.read_text(encoding="utf-8")
    assert TABLE.search(text), "no comparison table generated from data"
    assert EXAMPLE.search(text), "no tabbed Flask/Django example"
    last_heading = re.findall(r"^## (.+)$", text, re.M)[-1]
    assert last_heading.startswith("When this matters")


@pytest.mark.parametrize("page", COOKBOOK, ids=lambda p: p.stem)
def test_cookbook_pages_show_code_and_how_to_run_it(page):
    text = page.read_text(encoding="utf-8")
    where = f"docs/cookbook/{page.name}"
    assert EXAMPLE.search(text), f"{where}: a cookbook page shows at least one {{{{ example(...) }}}} tab pair"
    run_it = re.search(r"^## Run it\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert run_it, f"{where}: no `## Run it` section showing how to run the example"
    # The same steps on every page, from an empty folder (macros/run_it.py).
    assert f'{{{{ run_it("{page.stem}") }}}}' in run_it.group(1), f"{where}: the `## Run it` section does not call run_it()"
    assert (ROOT / "examples" / page.stem).is_dir(), \
        f"{where}: no examples/{page.stem}/ folder; page, example folder and tests share one name"
    assert (ROOT / "tests" / "examples" / f"test_{page.stem}.py").is_file(), \
        f"{where}: no tests/examples/test_{page.stem}.py; page, example folder and tests share one name"


def test_every_markdown_page_is_in_the_nav():
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    listed = set(nav_pages())
    assert sorted(pages - listed) == [], "these pages are missing from `nav` in mkdocs.yml: add each there"
    assert sorted(listed - pages) == [], "mkdocs.yml's `nav` lists pages that docs/ does not have"


def test_every_example_folder_is_a_package_coverage_can_see():
    """Coverage looks for files no test runs only in packages: a folder without __init__.py hides them."""
    missing = sorted(
        folder.relative_to(ROOT).as_posix() + "/__init__.py"
        for folder in (ROOT / "examples").rglob("*")
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py"))
        and not (folder / "__init__.py").is_file()
    )
    if missing:
        pytest.fail("\n".join(f"{path}: missing; coverage never looks for untested files in a folder without it, "
                              "so add it (an empty file will do; `make new-topic` creates it)" for path in missing),
                    pytrace=False)

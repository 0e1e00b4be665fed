"""Every guide page has the shape a reader relies on (issue: the article, expanded)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TABLE = re.compile(r"\{\{\s*(at_a_glance|feature_matrix|addon_table|cli_table|topic_table|speed_table)\(")
EXAMPLE = re.compile(r"\{\{\s*example\(")
RUN_IT = re.compile(r"\{\{\s*run_it\(")
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
    body = text.split("\n# ", 1)[1].split("\n", 1)[1]
    return next(p for p in body.split("\n\n") if p.strip())


@pytest.mark.parametrize("page", CHOOSING + COOKBOOK, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page_opens_with_the_answer_in_bold(page):
    assert opening(page.read_text(encoding="utf-8")).lstrip().startswith("**")


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
    assert EXAMPLE.search(text), "no tabbed Flask/Django example"
    run_it = re.search(r"^## Run it\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert run_it, "no 'Run it' section"
    # The same steps on every page, from an empty folder (macros/run_it.py).
    assert f'{{{{ run_it("{page.stem}") }}}}' in run_it.group(1), "the 'Run it' section does not call run_it()"
    assert (ROOT / "examples" / page.stem).is_dir(), "page, example folder and tests share one name"
    assert (ROOT / "tests" / "examples" / f"test_{page.stem}.py").is_file()


def test_every_markdown_page_is_in_the_nav():
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages == set(nav_pages())

"""Every guide page has the shape a reader relies on (issue: the article, expanded)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Data shown from data/: a comparison table, or (on "How to choose") the questionnaire's rules.
TABLE = re.compile(
    r"\{\{\s*(at_a_glance|feature_matrix|addon_table|cli_table|topic_table|speed_table|decision_rules)\("
)
# A tab pair is a call with a topic and a section; any name counts here, so a misspelt
# example() fails once, in the build, which names the line and the macro meant.
EXAMPLE = re.compile(r"""\{\{\s*\w+\(\s*["'][\w-]+["']\s*,\s*["'][\w-]+["']""")
CHOOSING = sorted(p for p in (DOCS / "choosing").glob("*.md") if p.name != "index.md")
COOKBOOK = sorted(p for p in (DOCS / "cookbook").glob("*.md") if p.name != "index.md")


EVERY_PAGE = sorted(DOCS.rglob("*.md"))
# The end of a sentence: ".", "!" or "?" before a space or the end ("3.1" and
# fact("flask.current.version") have none).
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# What a macro call shows, for counting the bold sentence's length as read.
MACRO = re.compile(r"\{\{.*?\}\}", re.S)
# On a phone (375 px, bold, about 35 characters a line) this is five lines.
MAX_BOLD = 180


def opening(text: str) -> str:
    """The first paragraph under the page title; a line of HTML tags alone (the
    home page's stylesheet link and `<div class="hero" markdown>`) is not a paragraph."""
    if "\n# " not in text:
        pytest.skip("the page has no `# Title` line: the build reports that, naming the line")
    body = text.split("\n# ", 1)[1].split("\n", 1)[1]
    return next((p for p in body.split("\n\n") if p.strip() and not re.fullmatch(r"(\s*<[^>]+>)+\s*", p)), "")


@pytest.mark.parametrize("page", EVERY_PAGE, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_opens_with_one_bold_sentence_then_plain_text(page):
    first = opening(page.read_text(encoding="utf-8")).strip()
    where = f"docs/{page.relative_to(DOCS).as_posix()}"
    assert first.startswith("**"), (
        f"{where}: the paragraph under the title does not open with the answer in bold; start it with "
        f"**one sentence that answers the page's question.** (it starts {first[:50]!r})"
    )
    bold, _, rest = first[2:].partition("**")
    flat = " ".join(bold.split())
    ends = SENTENCE_END.findall(flat)
    assert len(ends) == 1 and SENTENCE_END.search(flat[-1:]), (
        f"{where}: the bold opening is {len(ends)} sentences; make it one sentence that answers the page's question, "
        f"and move the rest after the closing **: {flat!r}"
    )
    assert len(MACRO.sub("0.0.0", flat)) <= MAX_BOLD, (
        f"{where}: the bold sentence is {len(MACRO.sub('0.0.0', flat))} characters, over {MAX_BOLD}: "
        f"say the answer shorter and give the detail in plain text"
    )
    assert rest.strip(), f"{where}: the bold sentence stands alone: follow it with plain text in the same paragraph"
    assert "**" not in rest and "__" not in rest, f"{where}: more bold after the opening sentence: {rest[:80]!r}"


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
    assert f'{{{{ run_it("{page.stem}") }}}}' in run_it.group(1), (
        f"{where}: the `## Run it` section does not call run_it()"
    )
    assert (ROOT / "examples" / page.stem).is_dir(), (
        f"{where}: no examples/{page.stem}/ folder; page, example folder and tests share one name"
    )
    assert (ROOT / "tests" / "examples" / f"test_{page.stem}.py").is_file(), (
        f"{where}: no tests/examples/test_{page.stem}.py; page, example folder and tests share one name"
    )


def test_every_example_folder_is_a_package_coverage_can_see():
    """Coverage looks for files no test runs only in packages: a folder without __init__.py hides them."""
    missing = sorted(
        folder.relative_to(ROOT).as_posix() + "/__init__.py"
        for folder in (ROOT / "examples").rglob("*")
        if folder.is_dir()
        and "__pycache__" not in folder.parts
        and any(folder.glob("*.py"))
        and not (folder / "__init__.py").is_file()
    )
    if missing:
        pytest.fail(
            "\n".join(
                f"{path}: missing; coverage never looks for untested files in a folder without it, "
                "so add it (an empty file will do; `make new-topic` creates it)"
                for path in missing
            ),
            pytrace=False,
        )

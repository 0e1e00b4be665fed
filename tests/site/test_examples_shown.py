"""Pages and example files agree: every tab's code is a real file, every file is shown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.examples import (
    SHOWN_WIDTH,
    files_of,
    files_with_section,
    marker_problems,
    section_lines,
    sections_of,
)
from tests.conftest import site_data
from tests.html_tables import tab_sets
from tests.site.test_assistants import html_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SITE = site_data()
NAMES = [fw.name for fw in SITE.frameworks.values()]
CORE = [fw.name for fw in SITE.frameworks.values() if fw.core]
CALL = re.compile(r"""\{\{\s*example\(\s*["']([\w-]+)["']\s*,\s*["']([\w-]+)["']""")
# A Run it (macros/run_it.py) shows sections "run" and "expect" of the commands files; its
# other blocks (set-up, folder tree, lines to add) are built, marked class "run-it", and
# checked by tests/site/test_run_it.py instead.
RUN_IT = re.compile(r"""\{\{\s*run_it\(\s*["']([\w-]+)["']""")
# Django boilerplate that no page needs to show: package markers, app configs, generated migrations;
# and compiled message catalogues (.mo), binary files built from the .po files a page shows.
UNSHOWN = re.compile(r"(^|/)(__init__\.py|apps\.py)$|/migrations/|\.mo$")


def normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def shown_sections() -> set[str]:
    """The text of every snippet section in every example file, as a reader sees it."""
    return {
        normalise("\n".join(section_lines(path, name)))
        for path in EXAMPLES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
        for name in sections_of(path)
    }


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "search" not in p.parts)


def test_every_code_block_in_a_framework_tab_comes_from_an_example_file(built_site):
    sections = shown_sections()
    strays, checked = [], 0
    for page in pages(built_site.site):
        for tabs in tab_sets(page.read_text(encoding="utf-8")):
            if not set(tabs["labels"]) & set(NAMES):
                continue
            for label, blocks in zip(tabs["labels"], tabs["code"], strict=True):
                checked += len(blocks)
                strays += [
                    f"{page.relative_to(built_site.site)} [{label}]: {code[:60]!r}"
                    for code in blocks
                    if normalise(code) not in sections
                ]
    assert checked > 0, "no code found in framework tabs: is the parser still right?"
    assert strays == []


def test_framework_tab_sets_are_labelled_with_the_core_frameworks_in_order(built_site):
    wrong = []
    for page in pages(built_site.site):
        for tabs in tab_sets(page.read_text(encoding="utf-8")):
            labels = tabs["labels"]
            if set(labels) & set(NAMES) and (labels[: len(CORE)] != CORE or not set(labels) <= set(NAMES)):
                wrong.append(f"{page.relative_to(built_site.site)}: {labels}")
    assert wrong == []


def test_no_tab_set_shows_a_framework_twice(built_site):
    """Two tab blocks with nothing between them merge into one set (Flask | Django | Flask | Django),
    and the second Flask label then opens the fourth panel: some code cannot be reached."""
    merged, sets = [], 0
    for page in pages(built_site.site):
        for tabs in tab_sets(page.read_text(encoding="utf-8")):
            sets += 1
            labels = [label.strip() for label in tabs["labels"]]
            if len(labels) != len(set(labels)):
                merged.append(f"{page.relative_to(built_site.site)}: {labels}")
    assert sets > 0, "no tab sets found: is the parser still right?"
    assert merged == []


def test_a_table_in_a_framework_tab_names_no_other_frameworks_commands(built_site):
    """cli_table(framework=...) in the other framework's tab (the database page's migrations, the
    tooling page's commands) would tell a Flask reader to run manage.py."""
    usages = {SITE.frameworks[k].name: {c.usage for c in cmds} for k, cmds in SITE.commands.items()}
    wrong, right = [], 0
    for page in pages(built_site.site):
        for tabs in tab_sets(page.read_text(encoding="utf-8")):
            for label, text in zip(tabs["labels"], tabs["tables"], strict=True):
                shown, label = " ".join(text.split()), label.strip()
                right += label in usages and any(usage in shown for usage in usages[label])
                others = [u for k, its in usages.items() if label in usages and k != label for u in its]
                wrong += [f"{page.relative_to(built_site.site)}, {label} tab: {u}" for u in others if u in shown]
    assert right >= 2, "no commands table found in a framework tab: is the parser still right?"
    assert wrong == []


def test_every_example_call_gives_a_tab_set_of_its_own(built_site):
    """A page with N example() calls shows at least N framework tab sets."""
    short = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        calls = len(CALL.findall(md.read_text(encoding="utf-8")))
        if not calls:
            continue
        html = html_of(built_site.site, md.relative_to(ROOT / "docs").as_posix()).read_text(encoding="utf-8")
        found = sum(1 for t in tab_sets(html) if set(t["labels"]) & set(NAMES))
        if found < calls:
            short.append(f"docs/{md.relative_to(ROOT / 'docs')}: {calls} example() calls, {found} tab sets")
    assert short == []


def test_no_code_line_a_page_shows_is_wider_than_two_columns_allow(built_site):
    """Every line of every code block, as the reader gets it, fits SHOWN_WIDTH (one word aside:
    a hash or a URL cannot be split); macros.check names the source file and line of each."""
    wide = []
    for page in built_site.site.rglob("*.html"):
        for block in re.findall(r"<pre[^>]*>(.*?)</pre>", page.read_text(encoding="utf-8"), re.S):
            for line in html.unescape(re.sub(r"<[^>]+>", "", block)).splitlines():
                if len(line.expandtabs(4)) > SHOWN_WIDTH and len(line.split()) > 1:
                    wide.append(f"{page.relative_to(built_site.site)}: {line.strip()[:80]}")
    assert wide == []


def test_template_syntax_reaches_the_reader_verbatim(built_site):
    templated = [s for s in shown_sections() if re.search(r"\{\{.*\}\}|\{%.*%\}", s)]
    if not templated:
        pytest.skip("no example section holds template syntax yet")
    shown = set()
    for page in pages(built_site.site):
        for tabs in tab_sets(page.read_text(encoding="utf-8")):
            shown |= {normalise(code) for blocks in tabs["code"] for code in blocks}
    assert [s[:60] for s in templated if s not in shown] == []
    assert any("{{" in s for s in shown) and any("{%" in s for s in shown)


def test_every_example_file_is_shown_by_some_page():
    texts = [page.read_text(encoding="utf-8") for page in (ROOT / "docs").rglob("*.md")]
    calls = {m for text in texts for m in CALL.findall(text)}
    calls |= {(topic, section) for text in texts for topic in RUN_IT.findall(text) for section in ("run", "expect")}
    shown = {
        p
        for topic, section in calls
        for fw in SITE.frameworks.values()
        for p in files_with_section(EXAMPLES, fw, topic, section)
    }
    unshown = []
    for topic_dir in sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "project"):
        for fw in SITE.frameworks.values():
            for path in files_of(topic_dir, fw.examples):
                rel = path.relative_to(EXAMPLES).as_posix()
                # A file whose section markers are wrong is reported by the build, naming its line.
                if path not in shown and not UNSHOWN.search(rel) and not marker_problems(path):
                    unshown.append(rel)
    assert unshown == [], "no page shows these example files: show a section of each with example(), or delete it"

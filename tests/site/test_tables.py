"""Every table on the built site shows its data whole: cell by cell, the text the data holds.

Each page's table macros are read from its Markdown in order; each call is
built again from data/ as cells (``tables.build``), and every cell's data text,
with its backticks removed, must equal the text content of the matching cell
in the built HTML. A cell that lost characters to Markdown (a trailing
``{% load %}`` read as attributes, a ``|`` read as a column break, ``*`` as
emphasis) fails here, naming the page, the table and the cell.
"""

from __future__ import annotations

import ast
import html
import re

from macros import data, tables, topics
from tests.conftest import ROOT
from tests.html_tables import squash
from tests.html_tables import tables as html_tables
from tests.site.test_assistants import html_of

DOCS = ROOT / "docs"
SITE = data.load(ROOT / "data")
TITLES = tables.cookbook_titles(DOCS / "cookbook")
# A call may end in a filter: `| indent(4)` inside a content tab.
CALL = re.compile(r"\{\{\s*(" + "|".join([*tables.TABLES, "feature_groups"]) + r")\((.*?)\)\s*(?:\|[^}]*)?\}\}")


# feature_groups() shows one table per Cookbook group of mkdocs.yml's nav.
GROUPS = tables.cookbook_groups(topics.read_nav(ROOT))


def calls(markdown: str) -> list[tuple[str, list, dict]]:
    """The table macro calls of a page, in order, with their literal arguments."""
    found = []
    for name, args in CALL.findall(markdown):
        call = ast.parse(f"f({args})", mode="eval").body
        found.append(
            (name, [ast.literal_eval(a) for a in call.args], {k.arg: ast.literal_eval(k.value) for k in call.keywords})
        )
    return found


def grouped_tables(frameworks=None, level=3) -> list:
    return [table for _, table in tables.feature_groups_cells(SITE, GROUPS, frameworks)]


def test_every_table_cell_shows_its_data_text_whole(built_site):
    problems, cells, pages = [], 0, 0
    for md in sorted(DOCS.rglob("*.md")):
        expected = calls(md.read_text(encoding="utf-8"))
        if not expected:
            continue
        pages += 1
        where = f"docs/{md.relative_to(DOCS)}"
        shown = html_tables(html_of(built_site.site, md.relative_to(DOCS).as_posix()).read_text(encoding="utf-8"))
        # One entry per table shown: a feature_groups() call shows one per group.
        expected = [
            (name, args, kwargs, grouped)
            for name, args, kwargs in expected
            for grouped in (grouped_tables(*args, **kwargs) if name == "feature_groups" else [None])
        ]
        if len(shown) != len(expected):
            problems.append(
                f"{where}: {len(expected)} table macros but {len(shown)} tables in the HTML "
                "(a table typed by hand, or one that did not render)"
            )
            continue
        for n, ((name, args, kwargs, grouped), got) in enumerate(zip(expected, shown, strict=True), start=1):
            if name == "cli_table" and kwargs.get("pages"):
                kwargs["titles"] = TITLES  # as macros/__init__.py passes them
            table = grouped or tables.build(name, SITE, *args, **kwargs)
            want = [[squash(c.reads()) for c in row] for row in [table.header, *table.rows]]
            have = [[squash(c) for c in row] for row in got]
            if len(want) != len(have):
                problems.append(f"{where} table {n} ({name}): {len(want)} rows in the data, {len(have)} shown")
                continue
            for r, (want_row, have_row) in enumerate(zip(want, have, strict=True)):
                cells += len(want_row)
                if want_row != have_row:
                    problems.append(f"{where} table {n} ({name}) row {r}: data {want_row} but shown {have_row}")
    assert pages > 5 and cells > 100, f"only {cells} cells on {pages} pages: are the macros still found?"
    assert problems == []


def test_code_in_data_text_is_shown_as_code(built_site):
    """Every backticked piece of a feature's text is a <code> element in the page's table."""
    missing = []
    for fid, feature in SITE.features.items():
        page = built_site.site / "cookbook" / feature.topic / "index.html"
        codes = {
            html.unescape(re.sub(r"<[^>]+>", "", c))
            for cell in re.findall(r"<td>(.*?)</td>", page.read_text(encoding="utf-8"), re.S)
            for c in re.findall(r"<code>(.*?)</code>", cell, re.S)
        }
        for fw, cell in feature.per.items():
            missing += [f"{fid}.{fw}: `{p}`" for p in re.findall(r"`([^`]+)`", cell.how) if p not in codes]
    assert missing == []

"""What an assistant reads: llms.txt, and the Markdown copy beside every page (macros/llms.py).

Each test is a rule over every page of the nav, checked on both engines'
builds (the built_site fixture). The HTML side is read with
tests/html_tables.py and plain regular expressions, never with the converter
under test.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from macros import topics
from tests.conftest import ROOT, SUBPATH
from tests.html_tables import article, code_blocks, squash, tables

EXAMPLES_BLOB = re.compile(r"/blob/[^/]+/examples/([^\"#?]+)")
FENCE = re.compile(r"^(`{3,})([^\n`]*)\n(.*?)\n\1$", re.M | re.S)
HEADING_MD = re.compile(r"^(#{1,6}) (.+)$", re.M)
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
PERMALINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.S)


def nav_sources() -> list[tuple[str, str]]:
    """(group, docs/ path) of every page in mkdocs.yml's nav, in order; groups joined by ": "."""
    nav = topics.read_nav(ROOT)
    found = []

    def walk(items, group):
        for item in items:
            if isinstance(item, str):
                found.append((group, item))
                continue
            ((title, value),) = item.items()
            if isinstance(value, str):
                found.append((group or title, value))
            else:
                walk(value, f"{group}: {title}" if group else title)

    walk(nav, "")
    return found


def front_description(src: str) -> str:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    meta = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", text, re.S).group(1))
    return " ".join(meta["description"].split())


def html_of(site: Path, src: str) -> Path:
    stem = src[: -len(".md")]
    return site / (f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html")


def article_html(path: Path) -> str:
    return article(path.read_text(encoding="utf-8"))


def headings(article: str) -> list[str]:
    """The text of every heading, without its permalink."""
    return [squash(unescape(re.sub(r"<[^>]+>", "", PERMALINK.sub("", h)))) for _, h in HEADING.findall(article)]


def codes(article: str) -> list[tuple[str | None, str]]:
    """(the example file its title links to, or None; its text) of every code block."""
    found = []
    for block in code_blocks(article):
        link = EXAMPLES_BLOB.search(block["href"] or "")
        found.append((link.group(1) if link and "github.com" in block["href"] else None, block["code"]))
    return found


def without_code(md: str) -> str:
    """The Markdown with fenced blocks and inline code spans removed."""
    md = FENCE.sub("", md)
    return re.sub(r"(`+).+?\1", "", md)


def plain(text: str) -> str:
    """Cell text with Markdown's emphasis, code ticks, link targets and escapes taken out, as a reader reads it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\|", "|").replace("\\<", "<")
    return squash(re.sub(r"[*`]", "", text))


@pytest.fixture(scope="module")
def pages(built_site):
    """(docs/ path, HTML file, Markdown copy) of every nav page; a missing copy fails here, naming it."""
    found = []
    missing = []
    for _, src in nav_sources():
        html = html_of(built_site.site, src)
        md = html.with_suffix(".md")
        (found if md.is_file() else missing).append((src, html, md))
    assert not missing, f"{built_site.engine}: no Markdown copy beside " + ", ".join(str(m[1]) for m in missing)
    return found


# llms.txt --------------------------------------------------------------------

LLMS_ITEM = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)(?:: (?P<about>.+))?$")


def parse_llms(text: str) -> tuple[str, str, dict[str, list[dict]]]:
    """llms.txt as llmstxt.org specifies it: an H1, a blockquote summary, optional prose
    (no headings), then H2 sections of Markdown links ``- [title](url): notes``."""
    lines = text.splitlines()
    assert lines[0].startswith("# ") and lines[0][2:].strip(), "llms.txt must open with an H1 naming the site"
    body = [line for line in lines[1:]]
    summary = next(line for line in body if line.strip())
    assert summary.startswith("> "), f"the line after the H1 must be a blockquote summary, not {summary!r}"
    sections: dict[str, list[dict]] = {}
    current = None
    for n, line in enumerate(lines[1:], start=2):
        if line.startswith("## "):
            current = line[3:].strip()
            assert current not in sections, f"llms.txt line {n}: section {current!r} twice"
            sections[current] = []
        elif line.startswith("#"):
            raise AssertionError(f"llms.txt line {n}: only H2 sections may follow the H1: {line!r}")
        elif current is not None and line.strip():
            match = LLMS_ITEM.match(line)
            assert match, f"llms.txt line {n}: a section holds only `- [title](url): notes` items, not {line!r}"
            sections[current].append(match.groupdict())
    return lines[0][2:].strip(), summary[2:].strip(), sections


def test_llms_txt_lists_every_nav_page_once_with_its_description_in_its_nav_group(built_site):
    title, summary, sections = parse_llms((built_site.site / "llms.txt").read_text(encoding="utf-8"))
    assert title == "Web Development Using Python" and len(summary) > 40
    listed = [(section, item) for section, items in sections.items() for item in items]
    urls = [item["url"] for _, item in listed]
    assert len(urls) == len(set(urls)), "a page is listed twice"
    expected = nav_sources()
    assert len(listed) == len(expected)
    for (group, src), (section, item) in zip(expected, listed, strict=True):
        assert section == group, f"{src} is listed under {section!r}, the nav has it under {group!r}"
        assert item["about"] == front_description(src), f"{src}: llms.txt's note is not its description"
        path = urlsplit(item["url"]).path
        assert path.startswith(SUBPATH), f"{item['url']}: not under the Pages sub-path {SUBPATH}"
        target = built_site.site / unquote(path[len(SUBPATH) :])
        assert target == html_of(built_site.site, src).with_suffix(".md"), f"{item['url']} is not {src}'s copy"


def test_every_link_in_llms_txt_resolves_under_the_pages_sub_path(built_site):
    text = (built_site.site / "llms.txt").read_text(encoding="utf-8")
    links = re.findall(r"https?://\S+?(?=[)\s]|$)", text)
    assert links
    for link in links:
        path = urlsplit(link).path
        assert path.startswith(SUBPATH), f"{link}: not under {SUBPATH}"
        assert (built_site.site / unquote(path[len(SUBPATH) :])).is_file(), f"{link}: no such file in the site"


def test_llms_full_txt_holds_every_page_copy_with_links_made_absolute(built_site, pages):
    full = (built_site.site / "llms-full.txt").read_text(encoding="utf-8")
    for src, _, md in pages:
        copy = md.read_text(encoding="utf-8")
        # The same page, the same headings and code; only relative links differ.
        for heading in HEADING_MD.findall(copy):
            assert f"{heading[0]} {heading[1]}".split("](")[0] in full, f"{src}: heading missing from llms-full.txt"
    assert not re.search(r"\]\((?!https?://|#|mailto:)[^)]+\)", full), "a relative link in llms-full.txt"


# The Markdown copy of every page ---------------------------------------------------


def test_every_copy_has_the_pages_headings(pages):
    for src, html, md in pages:
        shown = headings(article_html(html))
        copied = [plain(text) for _, text in HEADING_MD.findall(FENCE.sub("", md.read_text(encoding="utf-8")))]
        assert copied == shown, f"{md}: headings differ from {src}'s page"


def test_every_copy_has_the_pages_code_blocks_byte_for_byte_each_under_its_file(pages):
    for _, html, md in pages:
        shown = codes(article_html(html))
        copy = md.read_text(encoding="utf-8")
        fenced = [(m.start(), m.group(3)) for m in FENCE.finditer(copy)]
        assert [text.removesuffix("\n") for _, text in shown] == [text for _, text in fenced], (
            f"{md}: its code blocks are not the page's, in order and byte for byte"
        )
        for (file, text), (start, _) in zip(shown, fenced, strict=True):
            if file is None:
                continue
            # The line above the block names the file, and the file holds the block's lines.
            above = copy[:start].rstrip("\n").rsplit("\n", 1)[-1]
            assert file.split("/", 1)[-1].rsplit("/", 1)[-1] in above, f"{md}: no file name above a block of {file}"
            source = (ROOT / "examples" / file).read_text(encoding="utf-8")
            missing = [line for line in text.removesuffix("\n").splitlines() if line not in source]
            assert not missing, f"{md}: a block under {file} shows lines that file does not hold: {missing[:3]}"


def test_every_copy_has_every_table_cell(pages):
    for src, html, md in pages:
        shown = tables(article_html(html))
        copy = md.read_text(encoding="utf-8")
        rows = [line for line in copy.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
        cells = [plain(c) for row in rows for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        for table in shown:
            for row in table:
                for cell in row:
                    # Asterisks and backticks are Markdown's marks: compared without them on both sides.
                    text = squash(re.sub(r"[*`]", "", cell))
                    assert text in cells, f"{md}: table cell {text!r} of {src} is missing"


def test_every_copy_has_no_template_code_or_html_outside_code(pages):
    for _, _, md in pages:
        prose = without_code(md.read_text(encoding="utf-8"))
        for mark in ("{{", "{%", "{#"):
            assert mark not in prose, f"{md}: {mark!r} outside code"
        tag = re.search(r"(?<!\\)</?[A-Za-z][^>\n]*>|<!--", prose)
        assert not tag, f"{md}: HTML {tag.group(0)!r} outside code"


def test_every_tab_set_becomes_labelled_sections(pages):
    # Each tab of the page (Flask, Django, and Run it's steps) is a labelled section of the copy.
    for src, html, md in pages:
        sets = re.findall(r'<div class="tabbed-labels">(.*?)</div>', article_html(html), re.S)
        labels = [
            squash(re.sub(r"<[^>]+>", "", label))
            for labels in sets
            for label in re.findall(r"<label[^>]*>(.*?)</label>", labels, re.S)
        ]
        copied = re.findall(r"^\*\*(Flask|Django|[^*\n]+)\*\*$", FENCE.sub("", md.read_text(encoding="utf-8")), re.M)
        missing = Counter(label.strip() for label in labels) - Counter(copied)
        assert not missing, f"{md}: tab labels of {src} not shown as labelled sections: {sorted(missing)}"


def test_every_page_links_its_copy_and_never_inlines_it(pages):
    for _, html, md in pages:
        page = html.read_text(encoding="utf-8")
        name = md.name
        assert f'data-copy-page="{name}"' in page and f'href="{name}"' in page, f"{html}: no Copy/Open for {name}"
        # Not inlined: the page holds no long run of the copy's prose (its first paragraph).
        first = next(p for p in md.read_text(encoding="utf-8").split("\n\n")[1:] if len(p) > 80 and "`" not in p)
        assert first not in page, f"{html} carries its Markdown copy inline"

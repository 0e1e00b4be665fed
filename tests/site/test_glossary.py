"""The glossary opens with an A-Z row: each letter its terms start with, linking the first of them."""

from __future__ import annotations

import re


def test_the_glossary_links_each_letter_to_its_first_term(built_site):
    html = (built_site.site / "glossary" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1]
    terms = re.findall(r'<dt id="([^"]+)">(.*?)</dt>', article, re.S)
    assert len(terms) > 10, "the glossary's terms were not found"
    first: dict[str, str] = {}
    for anchor, term in terms:
        first.setdefault(re.sub(r"<[^>]+>", "", term).strip()[0].upper(), anchor)
    row = re.search(r"Jump to a letter:(.*?)</p>", article, re.S)
    assert row, "the glossary has no A-Z row"
    linked = dict((letter, anchor) for anchor, letter in re.findall(r'<a href="#([^"]+)">([A-Z])</a>', row.group(1)))
    assert linked == first

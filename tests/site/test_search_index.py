"""The search index every first visit downloads, read from the built site on both engines.

macros/search.py rewrites it after each build: prose, headings and the names
code introduces, never whole code blocks. These hold what that buys a reader.
"""

from __future__ import annotations

import gzip
import html
import re

from macros import search
from tests.conftest import search_index
from tests.html_tables import article

# At 38 pages (27 cookbook pages): the index alone, gzip level 6 (nginx's
# gzip_comp_level is 1 by default; GitHub Pages compresses harder).
BUDGET = 40 * 1024


def index_file(build):
    return build.site / ("search.json" if build.engine == "zensical" else "search/search_index.json")


def test_the_search_index_stays_within_its_budget(built_site):
    raw = index_file(built_site).read_bytes()
    size = len(gzip.compress(raw, 6))
    assert size <= BUDGET, (
        f"{index_file(built_site).relative_to(built_site.site)} is {size} B gzipped, over {BUDGET} B: "
        "see what grew with `make bench BENCH_ARGS=weight`; macros/search.py says what is indexed"
    )


def test_no_search_preview_is_code(built_site):
    """A result previews the section's first sentence of prose, never a code file."""
    code = [d["location"] for d in search_index(built_site) if re.search(r"<pre\b|<code\b", d["text"])]
    long = [
        d["location"]
        for d in search_index(built_site)
        if len(search.preview(html.unescape(d["text"]))) > search.PREVIEW + 1
    ]
    assert (code, long) == ([], [])


def test_every_name_a_pages_code_introduces_is_found_on_that_page(built_site):
    """select_related, login_required, MAX_CONTENT_LENGTH: the names in a page's code blocks
    stay searchable on that page, except those on a quarter of the pages or more."""
    words: dict[str, set[str]] = {}
    for doc in search_index(built_site):
        text = html.unescape(doc["title"] + " " + doc["text"]).lower()
        words.setdefault(doc["location"].split("#")[0], set()).update(search._WORD.findall(text))
    articles = {page: article((built_site.site / page / "index.html").read_text(encoding="utf-8")) for page in words}
    on_pages: dict[str, int] = {}
    for body in articles.values():
        code = " ".join(re.findall(r"<pre\b.*?</pre>", body, re.S))
        for word in set(search._WORD.findall(search.plain(body).lower())) | {
            n.lower() for n in search.identifiers(code)
        }:
            on_pages[word] = on_pages.get(word, 0) + 1
    missing = {}
    for page, body in articles.items():
        names = {n.lower() for n in search.identifiers(" ".join(re.findall(r"<pre\b.*?</pre>", body, re.S)))}
        lost = sorted(
            n for n in names - words[page] - search.STOP_WORDS if on_pages.get(n, 0) < search.COMMON * len(articles)
        )
        if lost:
            missing[page or "(home)"] = lost[:10]
    assert missing == {}


def test_camelcase_names_are_found_as_readers_type_them(built_site):
    """Both engines split WhiteNoise into "white" and "noise"; a reader types whitenoise."""
    text = " ".join(d["text"] for d in search_index(built_site))
    camel = {w for w in re.split(r"[^A-Za-z0-9]+", text) if search._CAMEL.match(w)}
    lowered = set(re.findall(r"\b[a-z0-9]+\b", text))
    assert camel and sorted(w for w in camel if w.lower() not in lowered) == []

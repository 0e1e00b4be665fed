"""What a reader meets first, read from the built site: the home page, the glossary, search results.

The browser tests (tests/browser/test_layout.py) check how these look; these
check that they are there, from the HTML and the search index alone.
"""

from __future__ import annotations

import html as html_lib
import re

from tests.conftest import search_index
from tests.html_tables import article


def dt_ids(path) -> list[str | None]:
    """The id of each <dt> element, in page order (None for one without)."""
    tags = re.findall(r"<dt\b([^>]*)>", path.read_text(encoding="utf-8"))
    return [m.group(1) if (m := re.search(r'\bid="([^"]*)"', tag)) else None for tag in tags]


def test_the_home_page_counts_the_questions_the_form_asks(built_site):
    """The home card's "Twelve questions" is counted from data/decision.yml, so it
    says what the form on "How to choose" asks, whatever is added or removed."""
    from macros.decision import NUMBERS

    form = (built_site.site / "choosing" / "decision" / "index.html").read_text(encoding="utf-8")
    asked = form.count("<fieldset")
    said = re.search(r"(\w+) questions about your team", (built_site.site / "index.html").read_text(encoding="utf-8"))
    assert said, "the home page's How to choose card no longer says how many questions"
    assert asked > 1 and said.group(1).lower() == NUMBERS[asked], (said.group(0), asked)


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


def test_every_glossary_term_has_its_own_address(built_site):
    ids = dt_ids(built_site.site / "glossary" / "index.html")
    assert len(ids) >= 30, "the glossary's terms are not <dt> elements any more"
    assert None not in ids, "a term has no { #anchor }: pages cannot link to it"
    assert len(set(ids)) == len(ids), f"two terms share an anchor: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids


def test_search_previews_hold_no_tab_labels_or_tables(built_site):
    index = search_index(built_site)
    run_together = [d["location"] for d in index if re.search(r"FlaskDjango|Flask\s+Django\s+\S+/flask_", d["text"])]
    assert run_together == [], (
        "tab labels reach the search index (macros/__init__.py on_post_page_macros, macros/search.py)"
    )
    tables = [d["location"] for d in index if re.search(r"\bFeature Flask Django\b|\bJob Built into\b", d["text"])]
    assert tables == [], "a table reaches the search index (macros/tables.py wraps each in data-search-exclude)"


# Tables that repeat themselves ---------------------------------------------------


def pages_of(site) -> dict[str, str]:
    """Every page's article HTML, by path under the site ('' is the home page)."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if '<article class="md-content__inner md-typeset">' in html:
            found[path.parent.relative_to(site).as_posix().replace(".", "")] = article(html)
    return found


def plain(fragment: str) -> str:
    """An HTML fragment's text as read, entities decoded and white space collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


TABLE = re.compile(r"<table>.*?</table>", re.S)


def test_no_table_appears_on_two_pages(built_site):
    """A table lives on the one page that explains it; others link there (the facts table on Size,
    the add-on table on Scope, a topic's table on its cookbook page, the commands on Tooling)."""
    where: dict[str, list[str]] = {}
    for page, body in pages_of(built_site.site).items():
        for table in TABLE.findall(body):
            where.setdefault(" ".join(plain(table).split()), []).append(page or "(home)")
    repeated = {text[:80]: pages for text, pages in where.items() if len(pages) > 1}
    assert repeated == {}


def test_no_cell_names_its_package_twice(built_site):
    """ "Flask-WTF: Flask-WTF (WTForms)" read as a stutter: the package is named once."""
    stutters = []
    for page, body in pages_of(built_site.site).items():
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", "".join(TABLE.findall(body)), re.S):
            label, sep, rest = plain(cell).partition(": ")
            if sep and label and rest.lower().startswith(label.lower()):
                stutters.append(f"{page or '(home)'}: {plain(cell)}")
    assert stutters == []


def test_no_web_basic_is_an_abbreviation(built_site):
    """Underlined on every URL, HTML and JSON, abbreviations were noise (includes/abbreviations.md);
    in headings layout.js checks that none is underlined."""
    found = [
        f"{page or '(home)'}: <abbr> on {term}"
        for page, body in pages_of(built_site.site).items()
        for term in re.findall(r"<abbr[^>]*>([^<]+)</abbr>", body)
        if term in {"HTML", "URL", "JSON", "HTTP", "HTTPS", "CSS"}
    ]
    assert found == []

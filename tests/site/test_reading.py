"""What a reader meets first, read from the built site: the home page, the glossary, search results.

The browser tests (tests/browser/test_layout.py) check how these look; these
check that they are there, from the HTML and the search index alone.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from tests.conftest import ROOT


class _Links(HTMLParser):
    """Links (href, classes, text) and the ids of <dt> elements, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.dt_ids: list[str | None] = []
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self._link = {"href": a.get("href") or "", "class": (a.get("class") or "").split(), "text": ""}
            self.links.append(self._link)
        elif tag == "dt":
            self.dt_ids.append(a.get("id"))

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def parse(path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_home_page_has_two_calls_to_action_and_a_card_per_section(built_site):
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    body = article(html)
    hero = body.split('<div class="hero">', 1)[1].split("</div>", 1)[0]
    assert hero.count("<strong>") == 1, "the hero answers in one bold sentence"
    parser = _Links()
    parser.feed(hero)
    buttons = {" ".join(link["text"].split()): link["href"] for link in parser.links if "md-button" in link["class"]}
    assert buttons == {"Help me choose": "choosing/decision/", "Open the cookbook": "cookbook/"}
    cards = body.split('<div class="grid cards">', 1)[1].split("</div>", 1)[0]
    parser = _Links()
    parser.feed(cards)
    targets = {link["href"] for link in parser.links}
    assert {"choosing/", "choosing/decision/", "cookbook/", "glossary/"} <= targets


def test_every_glossary_term_has_its_own_address(built_site):
    ids = parse(built_site.site / "glossary" / "index.html").dt_ids
    assert len(ids) >= 30, "the glossary's terms are not <dt> elements any more"
    assert None not in ids, "a term has no { #anchor }: pages cannot link to it"
    assert len(set(ids)) == len(ids), f"two terms share an anchor: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids


def test_search_previews_hold_no_tab_labels_or_tables(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    run_together = [d["location"] for d in index["docs"] if re.search(r"FlaskDjango|Flask\s+Django\s+\S+/flask_", d["text"])]
    assert run_together == [], "tab labels reach the search index (macros/__init__.py on_post_page_macros)"
    tables = [d["location"] for d in index["docs"] if re.search(r"\bFeature Flask Django\b|\bJob Built into\b", d["text"])]
    assert tables == [], "a table reaches the search index (macros/tables.py wraps each in data-search-exclude)"


def test_abbreviations_leave_out_the_web_basics():
    """Underlined on every line, HTML, URL, JSON and the like were noise; the guide's readers know them."""
    terms = re.findall(r"^\*\[([^\]]+)\]:", (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"), re.M)
    assert terms and not {"HTML", "URL", "JSON", "HTTP", "HTTPS", "CSS"} & set(terms)

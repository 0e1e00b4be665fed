"""Read a built page as a reader sees it: its article, its tags' attributes, and each table cell's text."""

from __future__ import annotations

import functools
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def article(html: str) -> str:
    """The page's own content, inside Material's <article> (the theme around it left out)."""
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


# A start tag's attributes: name="value", name='value' or name=value.
ATTRIBUTE = re.compile(r"""\s([\w:-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def start_tags(html: str, name: str = r"[A-Za-z][\w-]*") -> list[dict[str, str]]:
    """The attributes of every start tag called ``name`` in ``html``, entities decoded."""
    return [
        {key: unescape(a or b or c) for key, a, b, c in ATTRIBUTE.findall(tag.group(1))}
        for tag in re.finditer(rf"<(?:{name})\b([^>]*)>", html)
    ]


class _Tabs(HTMLParser):
    """A page's tab sets and code blocks, in order (see tab_sets and code_blocks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sets: list[dict] = []
        self.blocks: list[dict] = []
        self.divs: list[str] = []  # open divs' classes
        self.tabs: list[int] = []  # the set of each open tab (tabbed-block), innermost last
        self.panel = -1  # the newest set's tab
        self.where: str | None = None  # in a "label", or a code block's "title" or "code"
        self.example = False  # in an example's code, in a tab
        self.tables = 0  # <table> elements open
        self.after_pre = False
        self.after_run_it = False
        self.run_it_set: int | None = None  # the first tab set under the "Run it" heading

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "h2":
            self.after_run_it = a.get("id") == "run-it"
        labels = self.sets[-1]["labels"] if self.sets else []
        if tag == "div":
            self.divs.append(" ".join(cls))
            if "tabbed-set" in cls:
                self.sets.append({"labels": [], "code": [], "tables": []})
                self.panel = -1
                if self.after_run_it and self.run_it_set is None:
                    self.run_it_set = len(self.sets)
            elif "tabbed-block" in cls and self.sets:
                self.panel += 1
                self.sets[-1]["code"].append([])
                self.sets[-1]["tables"].append("")
                self.tabs.append(len(self.sets) - 1)
            elif "highlight" in cls:
                run_it = self.after_run_it and len(self.sets) == self.run_it_set
                tab = labels[self.panel] if 0 <= self.panel < len(labels) else None
                block = {"classes": cls, "title": "", "href": None, "code": ""}
                self.blocks.append({**block, "run_it": run_it, "tab": tab})
        elif tag == "table":
            self.tables += 1
        elif tag == "label" and self.divs and "tabbed-labels" in self.divs[-1]:
            self.where = "label"
            labels.append("")
        elif tag == "span" and "filename" in cls and self.blocks:
            self.where = "title"
        elif tag == "a" and self.where == "title":
            self.blocks[-1]["href"] = a.get("href")
        elif tag == "code":
            if self.blocks and self.where is None and self.divs and "highlight" in self.divs[-1]:
                self.where = "code"
            # A Run it's built blocks (class run-it) are not an example's code.
            if self.sets and self.sets[-1]["code"] and self.after_pre and "run-it" not in " ".join(self.divs).split():
                self.example = True
                self.sets[-1]["code"][-1].append("")
        self.after_pre = tag == "pre" or (tag == "span" and self.after_pre)

    def handle_endtag(self, tag):
        if tag == "div" and self.divs:
            if "tabbed-block" in self.divs.pop().split() and self.tabs:
                self.tabs.pop()
        elif tag == "table":
            self.tables -= 1
        elif tag == "code":
            self.example = False
        if (tag, self.where) in (("span", "title"), ("code", "code"), ("label", "label")):
            self.where = None

    def handle_data(self, data):
        if self.where == "label":
            self.sets[-1]["labels"][-1] += data
        elif self.where in ("title", "code"):
            self.blocks[-1][self.where] += data
        if self.example:
            self.sets[-1]["code"][-1][-1] += data
        if self.tables and self.tabs:
            self.sets[self.tabs[-1]]["tables"][-1] += data


def _tabs(html: str) -> _Tabs:
    parser = _Tabs()
    parser.feed(html)
    return parser


def tab_sets(html: str) -> list[dict]:
    """Every tab set of a page: its labels, and each tab's example code (a list of texts) and table text."""
    return _tabs(html).sets


def code_blocks(html: str) -> list[dict]:
    """The code blocks of a page, in order: classes, title text, title link, code text, tab label,
    and whether the block is in the Run it's tab set."""
    return _tabs(html).blocks


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.depth = 0  # nesting of <table>, so a table inside a cell stays out of it
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif self.depth == 1 and tag == "tr":
            self.tables[-1].append([])
        elif self.depth == 1 and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str) -> list[list[list[str]]]:
    """Every top-level table in ``html``: rows of cell texts (header row first), entities decoded."""
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.tables


def squash(text: str) -> str:
    """Whitespace as a reader sees it: runs collapsed to one space, none at the ends."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=1)
def _site_markdown_settings() -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def to_html(markdown_text: str) -> str:
    """Markdown to HTML with the site's own extensions and their settings from mkdocs.yml (no build)."""
    import markdown

    extensions, configs = _site_markdown_settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(markdown_text)

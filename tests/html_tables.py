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


class _CodeBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.stack: list[str] = []  # open divs' classes
        self.label: str | None = None
        self.labels: list[str] = []  # labels of the innermost tab set, in order
        self.panel = -1
        self.where: str | None = None  # "title", "code" or "label"
        self.after_run_it = False
        self.sets = 0
        self.run_it_set: int | None = None  # the first tab set under the "Run it" heading

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "h2" and a.get("id") == "run-it":
            self.after_run_it = True
        elif tag == "h2":
            self.after_run_it = False
        if tag == "div":
            self.stack.append(" ".join(cls))
            if "tabbed-set" in cls:
                self.labels, self.panel = [], -1
                self.sets += 1
                if self.after_run_it and self.run_it_set is None:
                    self.run_it_set = self.sets
            elif "tabbed-block" in cls:
                self.panel += 1
            elif "highlight" in cls:
                self.blocks.append(
                    {
                        "classes": cls,
                        "title": "",
                        "href": None,
                        "code": "",
                        "run_it": self.after_run_it and self.sets == self.run_it_set,
                        "tab": self.labels[self.panel] if 0 <= self.panel < len(self.labels) else None,
                    }
                )
        elif tag == "label" and self.stack and "tabbed-labels" in self.stack[-1]:
            self.where = "label"
            self.labels.append("")
        elif tag == "span" and "filename" in cls and self.blocks:
            self.where = "title"
        elif tag == "a" and self.where == "title":
            self.blocks[-1]["href"] = a.get("href")
        elif tag == "code" and self.blocks and self.where is None and self.stack and "highlight" in self.stack[-1]:
            self.where = "code"

    def handle_endtag(self, tag):
        if tag == "div" and self.stack:
            self.stack.pop()
        elif (
            (tag == "span" and self.where == "title")
            or (tag == "code" and self.where == "code")
            or (tag == "label" and self.where == "label")
        ):
            self.where = None

    def handle_data(self, data):
        if self.where == "label":
            self.labels[-1] += data
        elif self.where in ("title", "code"):
            self.blocks[-1][self.where] += data


def code_blocks(html: str) -> list[dict]:
    """The code blocks of a page, in order: classes, title text, title link, code text, tab label,
    and whether the block is in the Run it's tab set."""
    parser = _CodeBlocks()
    parser.feed(html)
    return parser.blocks


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

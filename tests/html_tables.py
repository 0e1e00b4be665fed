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

"""The guide for assistants: llms.txt, llms-full.txt and a Markdown copy of every page.

After a build, :func:`write` reads each page of the nav as the reader gets it
(the built HTML, so every macro is expanded and every snippet included) and
writes beside it the same page as Markdown: ``cookbook/routing/index.md``
beside ``cookbook/routing/index.html`` (``cookbook/routing.md`` beside
``cookbook/routing.html`` in the offline edition). At the site root it writes
``llms.txt`` (llmstxt.org: the guide's title and summary, then a list of
every page with its description, one section per nav group) and
``llms-full.txt`` (every page's Markdown, links made absolute).

Why our own converter and not mkdocs-llmstxt 0.5.1: that plugin drops the
Flask/Django tab labels (each block keeps only its file name), and Zensical
0.0.73 runs no MkDocs plugin. This module needs only the standard library
and PyYAML, so both engines use it: MkDocs from the macros ``on_post_build``
hook, Zensical through ``python -m macros.llms SITE`` after its build
(``make build-zensical``, tools/bench.py).

The conversion knows the HTML this site's Markdown extensions write, and
nothing more: headings (without their permalink), paragraphs, lists,
definition lists, tables (as Markdown tables), admonitions (as quotes),
figures (their caption and the diagram's description), and code blocks with
the file name above each (``routing/flask_app.py``, linked as on the page).
A tab set becomes one labelled section per tab: a line ``**Flask**`` (or the
tab's own label) above the tab's content. The page's buttons, scripts, form
inputs and SVG drawings are left out.

The offline edition is read from file://, where a page's script cannot fetch
another file; so there each copy is also written as ``<name>.md.js``, a
script that hands the text to the "Copy page" button (its script is in
overrides/main.html), which loads it only when pressed.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

# Elements with no content of their own, and elements whose content a reader never reads as text.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"script", "style", "svg", "input", "button", "noscript", "template", "nav"}
SKIP_CLASSES = {"headerlink", "md-content__button", "page-actions"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find(self, test) -> Node | None:
        for child in self.children:
            if isinstance(child, Node):
                if test(child):
                    return child
                found = child.find(test)
                if found is not None:
                    return found
        return None

    def find_all(self, test) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if test(child):
                    found.append(child)
                found += child.find_all(test)
        return found

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


def article(html: str) -> Node:
    """The page's content: Material's and Zensical's ``<article class="md-content__inner">``."""
    found = parse(html).find(lambda n: n.tag == "article" and "md-content__inner" in n.classes)
    if found is None:
        raise ValueError('no <article class="md-content__inner"> in the page')
    return found


def _skipped(node: Node) -> bool:
    return node.tag in SKIP or bool(node.classes & SKIP_CLASSES)


def _fence(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`{3,}", code)), default=2)
    return "`" * max(3, longest + 1)


def _code_span(text: str) -> str:
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


class Converter:
    """HTML of one page's article to Markdown; ``base`` makes relative links absolute (llms-full.txt)."""

    def __init__(self, base: str | None = None) -> None:
        self.base = base
        self.headings: set[str] = set()

    def url(self, href: str) -> str:
        """A link or image address, made absolute when the copy goes into llms-full.txt. A link to
        a place on this page that is not a heading (a glossary term, a code line) has no target in
        Markdown: it is left out, and the link text stays."""
        if href.startswith("#"):
            return href if href[1:] in self.headings else ""
        if self.base and href and not re.match(r"[a-z]+:", href):
            return urljoin(self.base, href)
        return href

    # Inline content -------------------------------------------------------
    def inline(self, node: Node) -> str:
        out = []
        for child in node.children:
            if isinstance(child, str):
                out.append(re.sub(r"\s+", " ", child).replace("<", "\\<"))
                continue
            if _skipped(child):
                continue
            tag = child.tag
            if tag == "code":
                # A line break inside inline code reads as a space (CommonMark).
                out.append(_code_span(re.sub(r"\s*\n\s*", " ", child.text())))
            elif tag in ("strong", "b"):
                inner = self.inline(child).strip()
                out.append(f"**{inner}**" if inner else "")
            elif tag in ("em", "i"):
                inner = self.inline(child).strip()
                out.append(f"*{inner}*" if inner else "")
            elif tag == "a":
                inner = self.inline(child).strip()
                href = self.url(child.attrs.get("href", ""))
                out.append(f"[{inner}]({href})" if href and inner else inner)
            elif tag == "br":
                out.append("\n")
            elif tag == "img":
                out.append(f"![{child.attrs.get('alt', '')}]({self.url(child.attrs.get('src', ''))})")
            else:  # abbr, span, sup, kbd, label, ...
                out.append(self.inline(child))
        return "".join(out)

    def _line(self, node: Node) -> str:
        return re.sub(r"[ \t]+", " ", self.inline(node)).strip()

    # Blocks ----------------------------------------------------------------
    def blocks(self, node: Node) -> list[str]:
        """The Markdown blocks of ``node``'s children, in order; loose inline content becomes a paragraph."""
        out: list[str] = []
        loose = Node("p")
        for child in node.children:
            if isinstance(child, Node) and (child.tag in BLOCK or _is_block(child)):
                self._flush(loose, out)
                loose = Node("p")
                if not _skipped(child):
                    out += self.block(child)
            else:
                loose.children.append(child)
        self._flush(loose, out)
        return out

    def _flush(self, loose: Node, out: list[str]) -> None:
        text = self._line(loose)
        if text:
            out.append(text)

    def block(self, node: Node) -> list[str]:
        tag, classes = node.tag, node.classes
        if tag in HEADINGS:
            return [f"{'#' * HEADINGS[tag]} {self._line(node)}"]
        if tag == "p":
            text = self._line(node)
            return [text] if text else []
        if "md-source-file" in classes:  # the page's facts under it, one line each, but the link to this copy
            facts = [c for c in node.elements() if c.find(lambda n: n.attrs.get("type") == "text/markdown") is None]
            return [line for line in map(self._line, facts) if line]
        if "tabbed-set" in classes:
            return self.tabs(node)
        if "highlight" in classes:
            return self.code(node)
        if tag == "pre":
            return [self._fenced(node.text(), "")]
        if tag == "table":
            return [self.table(node)]
        if tag in ("ul", "ol"):
            return [self.listing(node)]
        if tag == "dl":
            return self.definitions(node)
        if tag == "details":  # a folded part (method, listings): its title, then its blocks as they are
            summary = node.find(lambda n: n.tag == "summary")
            body = Node("div", children=[c for c in node.children if c is not summary])
            return ([f"**{self._line(summary)}**"] if summary is not None else []) + self.blocks(body)
        if "admonition" in classes:
            return self.admonition(node)
        if tag == "figure":
            return self.figure(node)
        if tag == "hr":
            return ["---"]
        if tag == "blockquote":
            return ["\n".join(f"> {line}" if line else ">" for line in "\n\n".join(self.blocks(node)).split("\n"))]
        if tag == "fieldset":
            legend = node.find(lambda n: n.tag == "legend")
            items = [self._line(label) for label in node.find_all(lambda n: n.tag == "label")]
            head = [f"**{self._line(legend)}**"] if legend is not None else []
            return head + (["\n".join(f"- {item}" for item in items if item)] if items else [])
        return self.blocks(node)  # div, section, form, aside, ...

    def tabs(self, node: Node) -> list[str]:
        labels_node = node.find(lambda n: "tabbed-labels" in n.classes)
        labels = (
            [self._line(label) for label in labels_node.find_all(lambda n: n.tag == "label")] if labels_node else []
        )
        content = node.find(lambda n: "tabbed-content" in n.classes)
        panels = [c for c in content.elements() if "tabbed-block" in c.classes] if content else []
        out = []
        for i, panel in enumerate(panels):
            label = labels[i] if i < len(labels) else f"Tab {i + 1}"
            out.append(f"**{label}**")
            out += self.blocks(panel)
        return out

    def code(self, node: Node) -> list[str]:
        pre = node.find(lambda n: n.tag == "pre")
        code = pre.find(lambda n: n.tag == "code") if pre else None
        lang = next((c[len("language-") :] for c in sorted(node.classes) if c.startswith("language-")), "")
        title = node.find(lambda n: "filename" in n.classes)
        out = [self._line(title)] if title is not None else []
        out.append(self._fenced((code or pre or node).text(), lang))
        return out

    @staticmethod
    def _fenced(text: str, lang: str) -> str:
        text = text[:-1] if text.endswith("\n") else text
        fence = _fence(text)
        return f"{fence}{lang}\n{text}\n{fence}"

    def table(self, node: Node) -> str:
        rows = [
            [self._line(cell).replace("|", "\\|") for cell in row.elements() if cell.tag in ("th", "td")]
            for row in node.find_all(lambda n: n.tag == "tr")
        ]
        rows = [r for r in rows if r]
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join([" --- "] * width) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)

    def listing(self, node: Node) -> str:
        lines = []
        for n, item in enumerate((c for c in node.elements() if c.tag == "li"), start=1):
            marker = f"{n}. " if node.tag == "ol" else "- "
            body = "\n\n".join(b for b in self.blocks(item) if b)
            pad = " " * len(marker)
            first, *rest = body.split("\n") or [""]
            lines.append(marker + first + "".join("\n" + (pad + line if line else "") for line in rest))
        return "\n".join(lines)

    def definitions(self, node: Node) -> list[str]:
        out = []
        for child in node.elements():
            if child.tag == "dt":
                out.append(f"**{self._line(child)}**")
            elif child.tag == "dd":
                out += self.blocks(child)
        return out

    def admonition(self, node: Node) -> list[str]:
        title = node.find(lambda n: "admonition-title" in n.classes or n.tag == "summary")
        body = Node("div", children=[c for c in node.children if c is not title])
        text = "\n\n".join(([f"**{self._line(title)}**"] if title is not None else []) + self.blocks(body))
        return ["\n".join(f"> {line}" if line else ">" for line in text.split("\n"))]

    def figure(self, node: Node) -> list[str]:
        out = []
        drawing = node.find(lambda n: n.tag in ("svg", "img"))
        caption = node.find(lambda n: n.tag == "figcaption")
        if drawing is not None:
            # What a screen reader says for it: aria-label or alt, else the chart's <title> and <desc>.
            said = (
                drawing.attrs.get("aria-label")
                or drawing.attrs.get("alt")
                or ": ".join(
                    " ".join(part.text().split()) for part in drawing.elements() if part.tag in ("title", "desc")
                )
            )
            if said:
                out.append(f"*Figure: {said.strip()}*")
        if caption is not None:
            out.append(self._line(caption))
        return out + [
            b
            for c in node.elements()
            if c.tag not in ("figcaption", "svg", "img") and not _skipped(c)
            for b in self.block(c)
        ]

    def convert(self, node: Node) -> str:
        blocks = [b for b in self.blocks(node) if b.strip()]
        return "\n\n".join(blocks).strip() + "\n"


BLOCK = {
    "p",
    "div",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "figure",
    "hr",
    "blockquote",
    "details",
    "form",
    "fieldset",
    "section",
    "aside",
    "header",
    "footer",
    "legend",
    *HEADINGS,
}


def _is_block(node: Node) -> bool:
    return node.tag in BLOCK


def to_markdown(html: str, base: str | None = None) -> str:
    """The Markdown of a built page's content (its ``<article>``)."""
    node = article(html)
    converter = Converter(base)
    converter.headings = {n.attrs.get("id", "") for n in node.find_all(lambda n: n.tag in HEADINGS)}
    return converter.convert(node)


# The site: which pages, in which groups --------------------------------------


@dataclass
class Page:
    src: str  # docs/<src>
    title: str
    section: str  # the nav group, "Cookbook: Basics"; "" for a page at the top


def _loader(environ):
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):
        names = loader.construct_sequence(node)
        *keys, default = names if len(names) > 1 else (*names, None)
        return next((environ[k] for k in keys if k in environ), default)

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return Loader


def read_config(root: Path, environ: dict[str, str] | None = None) -> dict:
    """mkdocs.yml, with ``!ENV`` read from ``environ`` (the process's), Python tags left out and
    the nav as the site has it."""
    import yaml

    from . import topics

    loader = _loader(os.environ if environ is None else environ)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    # The Cookbook's groups, filled from the topic manifests as the build filled them.
    config["nav"] = topics.fill_nav(config.get("nav") or [], topics.valid(root / "examples"))
    return config


def nav_pages(nav: list, section: str = "") -> list[Page]:
    """Every page of ``nav`` in order, with its title (None for an untitled section index) and group."""
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append(Page(item, "", section))
            continue
        ((title, value),) = item.items()
        if isinstance(value, str):
            pages.append(Page(value, title, section))
        else:
            pages += nav_pages(value, f"{section}: {title}" if section else title)
    return pages


def html_path(src: str, directory_urls: bool) -> str:
    """Where the page built from docs/``src`` is, inside the site."""
    stem = src[: -len(".md")]
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def url_path(src: str, directory_urls: bool) -> str:
    """The page's address inside the site, as a link names it."""
    path = html_path(src, directory_urls)
    return path[: -len("index.html")] if directory_urls and path.endswith("index.html") else path


def description(docs: Path, src: str) -> str:
    import yaml

    text = (docs / src).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    try:
        meta = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError:  # the build has reported it, naming the page and line
        meta = {}
    return " ".join(str((meta if isinstance(meta, dict) else {}).get("description", "")).split())


def _title(md: str) -> str:
    match = re.search(r"^# (.+)$", md, re.M)
    return match.group(1).strip() if match else ""


def write(site: Path, root: Path, config: dict | None = None, directory_urls: bool | None = None) -> list[Path]:
    """Write the Markdown copies, llms.txt and llms-full.txt into the built ``site``; return the paths written."""
    config = config if config is not None else read_config(root)
    docs = root / (config.get("docs_dir") or "docs")
    pages = nav_pages(config.get("nav") or [])
    if directory_urls is None:
        # As the site was built: Zensical's offline edition turns directory URLs off, as MkDocs's
        # does, but `python -m macros.llms` sees only mkdocs.yml, so the files tell.
        flat = [p.src for p in pages if html_path(p.src, False) != html_path(p.src, True)]
        directory_urls = not any((site / html_path(src, False)).is_file() for src in flat)
    site_url = config.get("site_url") or ""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    written = []
    summary = []
    full = []
    sections: dict[str, list[str]] = {}
    for page in pages:
        html_file = site / html_path(page.src, directory_urls)
        if not html_file.is_file():  # not built: the build has said why
            continue
        html = html_file.read_text(encoding="utf-8")
        md = to_markdown(html)
        md_file = html_file.with_suffix(".md")
        md_file.write_text(md, encoding="utf-8")
        written.append(md_file)
        if not directory_urls:  # the offline edition: a script the Copy button can load from file://
            script = md_file.with_name(md_file.name + ".js")
            script.write_text(f"window.copyPageMarkdown({json.dumps(md)})\n", encoding="utf-8")
            written.append(script)
        title = page.title or _title(md) or page.src
        about = description(docs, page.src)
        md_url = site_url + md_file.relative_to(site).as_posix()
        sections.setdefault(page.section or title, []).append(f"- [{title}]({md_url}): {about}")
        page_url = site_url + url_path(page.src, directory_urls)
        full.append(f"Page: {page_url}\n\n" + to_markdown(html, base=page_url))
    summary.append(f"# {config.get('site_name', '')}\n")
    summary.append(f"> {' '.join(str(config.get('site_description', '')).split())}\n")
    summary.append(
        "Every page below is the Markdown of the page as published: Flask and Django shown "
        "side by side as labelled sections, each code block under the name of its file in the "
        f"guide's examples. All pages in one file: {site_url}llms-full.txt\n"
    )
    for name, lines in sections.items():
        summary.append(f"## {name}\n\n" + "\n".join(lines) + "\n")
    (site / "llms.txt").write_text("\n".join(summary), encoding="utf-8")
    (site / "llms-full.txt").write_text("\n".join(full), encoding="utf-8")
    return [*written, site / "llms.txt", site / "llms-full.txt"]


def main(argv: list[str]) -> int:
    """``python -m macros.llms SITE``: write llms.txt, llms-full.txt and the Markdown copies into SITE."""
    if len(argv) != 1:
        print("usage: python -m macros.llms SITE  (run from the project root, after the build)", file=sys.stderr)
        return 2
    site = Path(argv[0])
    if not site.is_dir():
        print(f"macros.llms: {site}: no built site there; build it first", file=sys.stderr)
        return 1
    write(site, Path.cwd())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

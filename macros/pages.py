"""Checks on a page's own text: the mistakes a contributor makes in docs/*.md.

Plain functions over strings, run by the macros module before each page is
rendered (``on_pre_page_macros``) and tested by plain pytest. Each returns a
list of messages; each message starts with ``docs/<page>.md, line N:`` and says
what to write instead. MkDocs would otherwise accept every one of these and
publish a page that is quietly wrong: the site's description instead of the
page's, front matter shown as text, an image a screen reader cannot describe.

The rules a page follows, each checked here unless another module is named:

1. Front matter first, between two ``---`` lines, with a ``description:`` of
   at least 20 characters (the page's search-engine and link-preview
   summary). A value holding ``: `` needs quotes. Only the keys in
   :data:`META_KEYS` are allowed, so a misspelt ``descripton:`` fails with a
   suggestion.
2. Then a ``# Title`` line, then the answer in **bold** (one sentence, at
   most 180 characters: tests/site/test_page_shape.py), then plain text. A
   front-matter ``title:`` equals the ``# Title``; no two pages share one
   (macros/check.py); headings go down one level at a time.
3. The page is in mkdocs.yml's ``nav`` (MkDocs), and a section's index page
   (``cookbook/index.md``, ``choosing/index.md``) links every page of its
   section (:func:`index_problems`).
4. Every image has alt text that says what it shows.
5. Links to other pages are relative ``.md`` links; macros/check.py checks
   the file and the anchor. Never link to the published site or to this
   repository's address: a fork's site must point at the fork. Links to
   other sites use ``https://``; only ``http://localhost`` and
   ``http://127.0.0.1`` stay ``http://``.
6. A cookbook page types no Python code block: code comes from examples/
   through ``example()``.
7. No words that place a thing on the screen (:data:`POSITION`: "on the
   left", "the right-hand one"): tab sets become columns on a wide screen and
   diagrams stack on a phone, so name the thing instead.
8. No ``FILL IN`` placeholder from ``make new-topic`` is left.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from .errors import usage
from .text import PLACEHOLDER

# The Cookbook's index lists its pages with this macro, from the same manifests as the nav.
GENERATED_LIST = re.compile(r"\{\{-?\s*cookbook_pages\(")

# The front matter MkDocs reads (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n")
EMPTY_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(?:\.{3}|-{3})[ \t]*\n")
# Keys MkDocs, Material for MkDocs and mkdocs-macros read from a page's front matter.
META_KEYS = (
    "description",
    "title",
    "hide",
    "template",
    "icon",
    "status",
    "subtitle",
    "search",
    "tags",
    "render_macros",
)
MIN_DESCRIPTION = 20
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
IMAGE = re.compile(r"!\[([^\]]*)\]\s*[(\[]\s*<?([^)\]\s>]*)")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"""\balt\s*=\s*(["'])\s*[^"'\s]""", re.IGNORECASE)
SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']*)""", re.IGNORECASE)
HTTP = re.compile(
    r"""\]\(\s*<?(http://[^)\s>]+)"""  # [text](http://...) and ![alt](http://...)
    r"""|<(http://[^>\s]+)>"""  # <http://...>
    r"""|^\s*\[[^\]]+\]:\s*<?(http://\S+?)>?$"""  # [ref]: http://...
    r"""|\b(?:href|src)\s*=\s*["'](http://[^"']+)""",
    re.IGNORECASE,
)
# Readers open these on their own machine while following a page: they stay http://.
LOCAL_HOSTS = re.compile(r"^http://(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])([:/]|$)", re.IGNORECASE)
LINK = re.compile(r"\]\(\s*<?([^)\s>#]+)")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
# A fence's language: ``` python, ```py, ``` { .python title="..." }, ```pycon.
PYTHON_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?(python3?|py|pycon)\b", re.IGNORECASE)
# Words that place something on the screen where it is only at some widths:
# tab sets become columns and diagrams stack on a phone (issue 23).
POSITION = re.compile(
    r"\b(?:(?:on|to|at) the (?:left|right)|(?:left|right)-hand|the (?:left|right) "
    r"(?:one|side|column|tab|panel|half)|(?:left|right):|the one (?:below|above)|"
    r"(?:column|tab|panel) (?:below|above))(?!\w)",
    re.IGNORECASE,
)


def _at(page: str, line: int) -> str:
    return f"{page}, line {line}"


def split(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """(front matter, body, line of the body's first line). Front matter is None if absent or broken."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None, text, 1
    if not isinstance(meta, dict):
        return None, text, 1
    return meta, text[match.end() :], match.group(0).count("\n") + 1


def front_matter_problems(page: str, text: str) -> list[str]:
    """The front matter exists, is closed, is YAML, has a description and no misspelt key."""
    if not OPENS_FRONT_MATTER.match(text):
        return [
            f"{_at(page, 1)}: the page has no front matter; start it with three lines: `---`, "
            f"`description: <a sentence of {MIN_DESCRIPTION}+ characters for search results and link "
            "previews>`, `---`"
        ]
    match = FRONT_MATTER.match(text)
    if EMPTY_FRONT_MATTER.match(text):
        return [
            f"{_at(page, 2)}: the front matter is empty, so the page would take the site's description; "
            f"add `description: <a sentence of {MIN_DESCRIPTION}+ characters on what this page answers>`"
        ]
    if not match:
        return [
            f"{_at(page, 1)}: the front matter opened here with `---` is never closed, so the page would "
            "show it as text; end it with a line `---` before the `# Title`"
        ]
    try:
        meta = yaml.safe_load(match.group(1))
        keys = yaml.compose(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark else 1
        problem = getattr(exc, "problem", None) or "cannot be read"
        hint = (
            "; a value that holds `: ` or starts with a quote, `[`, `{`, `*` or `#` needs quotes around "
            'the whole value: description: "..."'
        )
        return [
            f"{_at(page, line)}: the front matter is not valid YAML ({problem}), so the page would show "
            f"it as text{hint}"
        ]
    if not isinstance(meta, dict):
        return [f"{_at(page, 2)}: the front matter must be `key: value` lines, such as `description: ...`"]
    lines = {k.value: k.start_mark.line + 2 for k, _ in keys.value} if isinstance(keys, yaml.MappingNode) else {}
    problems = []
    for key in meta:
        if key not in META_KEYS:
            close = difflib.get_close_matches(str(key), META_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}:`?" if close else f"the keys are {', '.join(META_KEYS)}"
            problems.append(
                f"{_at(page, lines.get(key, 2))}: `{key}:` is not a front matter key MkDocs or this site reads; {hint}"
            )
    description = meta.get("description")
    if description is None:
        if not any("description" in p for p in problems):
            problems.append(
                f"{_at(page, 2)}: the front matter has no `description:`, so the page would "
                f"take the site's; write one sentence of {MIN_DESCRIPTION}+ characters on what "
                "this page answers"
            )
    elif not isinstance(description, str) or len(description.strip()) < MIN_DESCRIPTION:
        problems.append(
            f"{_at(page, lines.get('description', 2))}: the description {description!r} is "
            f"shorter than {MIN_DESCRIPTION} characters; write a sentence on what this page "
            "answers, for search results and link previews"
        )
    elif set(description) & set('"<>&'):
        # Material 9.8 writes <meta name="description" content="..."> without escaping it.
        problems.append(
            f"{_at(page, lines.get('description', 2))}: the description holds "
            f"{''.join(sorted(set(description) & set(chr(34) + '<>&')))}, which the theme writes "
            "into an HTML attribute as it is, cutting the search-result text short there; "
            "write “” for quotes and words for the rest"
        )
    return problems


def _prose(body: str, first: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line outside fenced code, with inline code removed."""
    fence = None
    for number, line in enumerate(body.splitlines(), first):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield number, INLINE_CODE.sub("``", line)


def body_problems(page: str, body: str, first: int) -> list[str]:
    """A `# Title`, alt text on every image, and https:// links to other sites."""
    problems = []
    lines = body.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not lines[start].startswith("# "):
        number = first + (start or 0)
        got = f" (it starts with {lines[start].strip()[:40]!r})" if start is not None else ""
        problems.append(
            f"{_at(page, number)}: the page has no `# Title` line after the front matter{got}; "
            "begin the text with one, such as `# Hello world and project layout`: it names the "
            "page in the browser tab, search results and link previews"
        )
    for number, line in _prose(body, first):
        for alt, src in IMAGE.findall(line):
            if not alt.strip():
                problems.append(
                    f"{_at(page, number)}: the image {src} has no alt text, so a screen reader "
                    f"cannot say what it shows; write that between the brackets: "
                    f"![What the image shows]({src})"
                )
        for tag in IMG_TAG.findall(line):
            if not ALT.search(tag):
                src = (SRC.search(tag) or [None, "?"])[1]
                problems.append(
                    f"{_at(page, number)}: the image {src} has no alt text, so a screen reader "
                    'cannot say what it shows; add alt="What the image shows" to the <img> tag'
                )
        for where in POSITION.findall(line):
            problems.append(
                f"{_at(page, number)}: {where!r} names a place on the screen that moves with its "
                "width (tabs become columns, diagrams stack on a phone); name the thing instead, "
                'such as "the Flask layout" or "with many small services"'
            )
        for groups in HTTP.findall(line):
            url = next(g for g in groups if g)
            if not LOCAL_HOSTS.match(url):
                problems.append(
                    f"{_at(page, number)}: the link {url} is plain http://; link to the "
                    f"https:// address instead (only http://localhost and http://127.0.0.1 "
                    "addresses, which readers open on their own machine, stay http://)"
                )
    return problems


def heading_problems(page: str, meta: dict[str, Any] | None, body: str, first: int) -> list[str]:
    """The front matter's `title:` is the `# Title`, and no heading skips a level (## then ####)."""
    problems = []
    headings = [(n, len(m.group(1)), m.group(2)) for n, line in _prose(body, first) if (m := HEADING.match(line))]
    h1 = next(((n, text) for n, level, text in headings if level == 1), None)
    title = (meta or {}).get("title")
    if h1 and isinstance(title, str) and title.strip() != h1[1].strip():
        problems.append(
            f"{_at(page, h1[0])}: the `# {h1[1]}` differs from the front matter's `title: {title}`, "
            "so the browser tab and search results name the page otherwise; make them the same "
            "(or delete `title:`: the `# Title` is used)"
        )
    previous = 1
    for number, level, text in headings:
        if level > previous + 1:
            problems.append(
                f"{_at(page, number)}: `{'#' * level} {text}` skips a level after a "
                f"level-{previous} heading, so the table of contents and screen readers lose its "
                f"place; write it as `{'#' * (previous + 1)} {text}`"
            )
        previous = level
    return problems


def code_problems(page: str, body: str, first: int) -> list[str]:
    """A cookbook page shows Python only from examples/ (example(), snippets), never typed on the page."""
    if "/cookbook/" not in page or page.endswith("/index.md"):
        return []
    return [
        f"{_at(page, number)}: a Python code block typed on a cookbook page, which no test runs; put the "
        "code in examples/<topic>/ inside a `# --8<-- [start:name]` section and show it with "
        '{{ example("<topic>", "name") }}'
        for number, line in enumerate(body.splitlines(), first)
        if PYTHON_FENCE.match(line)
    ]


def placeholder_problems(page: str, text: str) -> list[str]:
    """Every line, front matter included, still holding a `make new-topic` placeholder."""
    return [
        f"{_at(page, number)}: still holds a placeholder from `make new-topic` ({line.strip()[:60]!r}); "
        "write the real text"
        for number, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER.search(line)
    ]


def page_problems(page: str, text: str) -> list[str]:
    """Everything wrong with a page's own text, front matter first."""
    problems = front_matter_problems(page, text)
    meta, body, first = split(text)
    if meta is None and problems:  # the body's line numbers are meaningless until the front matter is fixed
        return problems
    return (
        problems
        + body_problems(page, body, first)
        + heading_problems(page, meta, body, first)
        + code_problems(page, body, first)
        + placeholder_problems(page, text)
    )


def section_pages(nav: list[Any]) -> dict[str, list[tuple[str, str]]]:
    """{section index page: [(title, page), ...]} for each nav section that opens with an index page.

    The pages of a group inside the section (the Cookbook's "Basics", "Data", ...)
    count as the section's, unless the group opens with an index page of its own.
    """
    found: dict[str, list[tuple[str, str]]] = {}

    def opens_with_index(items: list[Any]) -> bool:
        return bool(items) and isinstance(items[0], str) and items[0].endswith("index.md")

    def pages_of(items: list[Any]) -> list[tuple[str, str]]:
        return [
            pair
            for item in items
            if isinstance(item, dict)
            for t, p in item.items()
            for pair in (
                [(t, p)]
                if isinstance(p, str)
                else pages_of(p)
                if isinstance(p, list) and not opens_with_index(p)
                else []
            )
        ]

    def walk(items: list[Any]) -> None:
        if opens_with_index(items):
            found[items[0]] = pages_of(items[1:])
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        walk(value)

    walk(nav)
    return found


def index_problems(page: str, text: str, index: str, pages: list[tuple[str, str]]) -> list[str]:
    """A section's index page links every page that mkdocs.yml's nav lists in the section
    (a page whose list is ``{{ cookbook_pages() }}`` is written from the nav itself)."""
    if GENERATED_LIST.search(text):
        return []
    folder = index.rsplit("/", 1)[0] + "/" if "/" in index else ""
    linked = {folder + link.removeprefix("./") for link in LINK.findall(text)}
    numbers = [n for n, line in enumerate(text.splitlines(), 1) if LINK.search(line)]
    last = numbers[-1] if numbers else 1
    return [
        f"{_at(page, last)}: the list of pages has no link to {path.removeprefix(folder)}, which "
        f"mkdocs.yml's nav lists in this section; add a line such as "
        f"`- [{title}]({path.removeprefix(folder)}): what the page does, in a few words`"
        for title, path in pages
        if path not in linked
    ]


def template_problems(
    where: Callable[[int], str],
    environment: Any,
    markdown: str,
    names: set[str],
    signatures: dict[str, inspect.Signature],
) -> list[str]:
    """Jinja mistakes found before rendering: syntax, unknown names, a macro called with wrong arguments.

    ``where(line)`` turns a line of ``markdown`` into ``docs/x.md, line N``
    (the page's line, front matter counted).
    """
    from jinja2 import TemplateSyntaxError, meta, nodes

    try:
        tree = environment.parse(markdown)
    except TemplateSyntaxError as exc:
        return [
            f"{where(exc.lineno)}: the macro syntax is broken: {exc.message}; a macro call reads "
            '{{ name("argument", ...) }}, with every bracket and quote closed'
        ]
    problems = []
    unknown = meta.find_undeclared_variables(tree) - names
    called = {call.node.name for call in tree.find_all(nodes.Call) if isinstance(call.node, nodes.Name)}
    seen = set()
    for node in tree.find_all(nodes.Name):
        if node.name in unknown and node.name not in seen:
            seen.add(node.name)
            macros = sorted(signatures)
            close = difflib.get_close_matches(node.name, macros, n=1)
            if node.name in called:
                hint = f"did you mean {close[0]}()?" if close else f"the macros are {', '.join(macros)}"
                problems.append(f"{where(node.lineno)}: there is no macro {node.name}(); {hint}")
            else:
                problems.append(
                    f"{where(node.lineno)}: {node.name} is not defined for pages; the macros are "
                    f"{', '.join(macros)}, and a page's front matter keys are variables too"
                )
    for call in tree.find_all(nodes.Call):
        name = call.node.name if isinstance(call.node, nodes.Name) else None
        if name not in signatures or call.dyn_args or call.dyn_kwargs:
            continue
        params = list(signatures[name].parameters)
        misspelt = [kw.key for kw in call.kwargs if kw.key not in params]
        try:
            if misspelt:  # before "missing an argument", which a misspelt keyword also causes
                close = difflib.get_close_matches(misspelt[0], params, n=1)
                raise TypeError(
                    f"has no argument {misspelt[0]!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
                )
            signatures[name].bind(*call.args, **{kw.key: kw.value for kw in call.kwargs})
        except TypeError as exc:
            problems.append(f"{where(call.lineno)}: {name}() {exc}; write it as {usage(name, signatures[name])}")
    return problems

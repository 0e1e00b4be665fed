"""Emit a Flask/Django pair of content tabs whose code comes from example files.

A page writes ``{{ example("routing", "converters") }}``. For each framework,
this finds the files of ``examples/routing/`` that belong to it (the globs in
its ``examples`` list in data/frameworks.yml) and that hold a snippet section
named ``converters``, marked in the file as::

    # --8<-- [start:converters]
    ...
    # --8<-- [end:converters]

and emits one tab per framework with one fenced block per file. Each call
starts a tab set of its own, even right after another one. The block's
body is a pymdownx.snippets include, expanded after the macros have run, so
template syntax in the file (``{{ }}``, ``{% %}``) reaches the reader verbatim.

A core framework with no file holding the section is an error, so deleting an
example (or a marker) fails the build instead of dropping a tab.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import MacroError

if TYPE_CHECKING:  # only for annotations: the section helpers run without pydantic
    from .data import Framework

LEXERS = {
    ".py": "python",
    ".html": "html",
    ".sh": "bash",
    ".txt": "text",
    ".toml": "toml",
    ".cfg": "ini",
    ".ini": "ini",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".css": "css",
    ".js": "javascript",
    ".json": "json",
    ".conf": "nginx",
    ".po": "po",
}
# Exactly what pymdownx.snippets reads as a marker: a space after the scissors.
START = re.compile(r"(?<!;)-+8<-+[ \t]+\[[ \t]*start[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\]", re.IGNORECASE)
MARKER = re.compile(r"(?<!;)-+8<-+[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\]", re.IGNORECASE)
# Anything that looks like a marker, for telling a contributor that one is written wrongly.
LOOSE_MARKER = re.compile(r"8<[^\[\n]*\[?\s*(start|end)\s*:?\s*([-\w]*)", re.IGNORECASE)


def files_of(topic_dir: Path, patterns: list[str]) -> list[Path]:
    """The files under ``topic_dir`` matched by ``patterns`` (folders count recursively), sorted."""
    found: set[Path] = set()
    for pattern in patterns:
        for hit in topic_dir.glob(pattern):
            candidates = hit.rglob("*") if hit.is_dir() else [hit]
            found.update(p for p in candidates if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    return sorted(found)


def sections_of(path: Path) -> list[str]:
    """Names of the snippet sections a file defines, in order."""
    return START.findall(path.read_text(encoding="utf-8", errors="replace"))


def section_lines(path: Path, name: str) -> list[str]:
    """The lines of section ``name`` as a reader sees them: nested marker lines removed."""
    body = _numbered(path, name)
    if body is None:
        raise KeyError(f"{path}: no complete snippet section {name!r}")
    return [line for _, line in body]


def _numbered(path: Path, name: str) -> list[tuple[int, str]] | None:
    """(line number in the file, line) of section ``name`` without its nested marker lines;
    None when the file has no complete section of that name."""
    body: list[tuple[int, str]] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        marker = MARKER.search(line)
        if marker and marker.group(2) == name:
            if marker.group(1) == "end" and body is not None:
                return body
            if marker.group(1) == "start":
                body = []
        elif body is not None and not marker:
            body.append((number, line))
    return None


# The longest code line a page may show: two columns side by side fit about
# this many characters each on a wide screen (issue 23), and a phone scrolls less.
SHOWN_WIDTH = 72


def numbered_section(path: Path, name: str) -> list[tuple[int, str]]:
    """(line number in the file, line) of section ``name`` as a reader sees it."""
    return _numbered(path, name) or []


def wide_lines(path: Path, width: int = SHOWN_WIDTH) -> list[tuple[int, int, str]]:
    """(line number, width, section) of each line inside a snippet section of ``path`` that is
    wider than ``width`` (tabs count four): every section is there to be shown on a page.

    A line that is one word after its indent (an ``integrity="sha384-..."`` hash, a long
    URL) cannot be split, and passes.
    """
    found: dict[int, tuple[int, int, str]] = {}
    for name in dict.fromkeys(sections_of(path)):
        for number, text in numbered_section(path, name):
            size = len(text.expandtabs(4))
            if size > width and number not in found and len(text.split()) > 1:
                found[number] = (number, size, name)
    return sorted(found.values())


def marker_problems(path: Path) -> list[tuple[int, str]]:
    """(line, what is wrong) for each section marker in ``path`` that would hide or break a section.

    A marker the snippet includer does not read, a section started twice with
    the same name (a page shows only the first), an end before its start, and a
    start that never ends.
    """
    problems: list[tuple[int, str]] = []
    started: dict[str, int] = {}
    open_: dict[str, int] = {}
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        marker = MARKER.search(line)
        if not marker:
            loose = LOOSE_MARKER.search(line)
            if loose:
                kind, name = loose.group(1).lower(), loose.group(2) or "name"
                problems.append(
                    (
                        number,
                        f"the section marker {line.strip()!r} is not one the snippet "
                        f"includer reads; write it as `--8<-- [{kind}:{name}]` (a space after "
                        "--8<--, a name of letters, digits, - and _ starting with a letter)",
                    )
                )
            continue
        kind, name = marker.group(1).lower(), marker.group(2)
        if kind == "start":
            if name in started:
                problems.append(
                    (
                        number,
                        f"a second section named {name!r} starts here (the first starts on "
                        f"line {started[name]}); a page shows only the first, so give this one "
                        "another name",
                    )
                )
                continue
            started[name] = open_[name] = number
        elif name in open_:
            del open_[name]
        else:
            problems.append(
                (number, f"section {name!r} ends here before it starts; put `--8<-- [start:{name}]` above this line")
            )
    for name, number in open_.items():
        problems.append(
            (number, f"section {name!r} starts here but never ends; add `--8<-- [end:{name}]` after its last line")
        )
    return sorted(problems)


def unmatched_globs(examples_dir: Path, frameworks: dict[str, Framework]) -> list[tuple[str, int, str]]:
    """(framework id, index, glob) for each ``examples`` glob that matches nothing in any topic folder."""
    topics = [p for p in examples_dir.iterdir() if p.is_dir()] if examples_dir.is_dir() else []
    return [
        (key, i, pattern)
        for key, fw in frameworks.items()
        for i, pattern in enumerate(fw.examples)
        if not any(files_of(topic, [pattern]) for topic in topics)
    ]


@dataclass(frozen=True)
class Links:
    """Addresses of files and folders in the site's repository, built from ``repo_url``.

    The deploy sets REPO_URL (mkdocs.yml) from the repository it runs in, so a
    fork's site links to the fork. ``edit_uri`` ("edit/main/docs/") names the branch.
    """

    repo_url: str
    branch: str = "main"

    @classmethod
    def from_config(cls, repo_url: str | None, edit_uri: str | None) -> Links | None:
        if not repo_url:
            return None
        parts = (edit_uri or "").strip("/").split("/")
        branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
        return cls(repo_url.rstrip("/"), branch)

    def blob(self, rel: str) -> str:
        return f"{self.repo_url}/blob/{self.branch}/{rel}"

    def tree(self, rel: str) -> str:
        return f"{self.repo_url}/tree/{self.branch}/{rel.rstrip('/')}"


def title(root: Path, examples_dir: Path, path: Path, links: Links | None) -> str:
    """A code block's title options: the file's path under examples/, a link to the whole file when
    the repository is known (pymdownx.highlight's ``title_mode="html"``; the link text is the path)."""
    text = path.relative_to(examples_dir).as_posix()
    if links is None:
        return f'title="{text}"'
    href = html.escape(links.blob(path.relative_to(root).as_posix()), quote=True)
    hint = html.escape(f"{text}: the whole file in this site's repository", quote=True)
    return f"title=\"<a href='{href}' title='{hint}'>{text}</a>\" title_mode=\"html\""


# The order both frameworks' tutorials introduce a feature's files in. A tab shows
# its files in this order, Python before templates, so that side by side the two
# columns show a model beside a model and a view beside a view.
ROLES = ("models", "forms", "views", "urls")


def role(path: Path) -> tuple[int, int]:
    """Where ``path`` comes in a tab: (Python first, its place in ROLES, else after them)."""
    name = path.stem.removeprefix("flask_")
    return (path.suffix != ".py", ROLES.index(name) if name in ROLES else len(ROLES))


def files_with_section(examples_dir: Path, fw: Framework, topic: str, section: str) -> list[Path]:
    """The files of ``fw`` that show ``section`` of ``topic``, in the order of their roles (then paths)."""
    found = [p for p in files_of(examples_dir / topic, fw.examples) if section in sections_of(p)]
    return sorted(found, key=lambda p: (role(p), p))


def _block(root: Path, examples_dir: Path, fw: Framework, path: Path, section: str, links: Links | None = None) -> str:
    lexer = fw.lexers.get(path.suffix) or LEXERS.get(path.suffix, "text")
    include = path.relative_to(root).as_posix()
    return f'    ```{lexer} {title(root, examples_dir, path, links)}\n    --8<-- "{include}:{section}"\n    ```\n'


def example_tabs(
    root: Path,
    frameworks: dict[str, Framework],
    topic: str,
    section: str,
    examples: str = "examples",
    links: Links | None = None,
) -> str:
    """Markdown for linked content tabs, one per framework that shows ``section`` of ``topic``."""
    examples_dir = root / examples
    topic_dir = examples_dir / topic
    if not topic_dir.is_dir():
        raise MacroError(f"no example folder {examples}/{topic}/")
    for path in files_of(topic_dir, [p for fw in frameworks.values() for p in fw.examples]):
        for number, problem in marker_problems(path)[:1]:
            raise MacroError(problem, where=f"{path.relative_to(root).as_posix()}, line {number}")
    tabs: list[str] = []
    for fw in frameworks.values():
        paths = files_with_section(examples_dir, fw, topic, section)
        if not paths:
            if fw.core:
                searched = [p.relative_to(examples_dir).as_posix() for p in files_of(topic_dir, fw.examples)]
                raise MacroError(
                    f"no {fw.name} file in {examples}/{topic}/ has a snippet section {section!r} "
                    f"(searched: {', '.join(searched) or 'no files match ' + str(fw.examples)})"
                )
            continue
        blocks = "\n".join(_block(root, examples_dir, fw, p, section, links) for p in paths)
        # `===!` starts a new tab set: without it, pymdownx.tabbed joins this pair
        # to any tab block right before it (Flask | Django | Flask | Django).
        opener = "===!" if not tabs else "==="
        tabs.append(f'{opener} "{fw.name}"\n\n{blocks}')
    return "\n".join(tabs)

"""Every static check on the guide, without building it: ``python -m macros.check``.

It reads the data (``data/``), the topic manifests (``examples/*/topic.yml``),
every page (``docs/``), mkdocs.yml's nav and the examples, and prints each
mistake with its file and line first, then what to write instead. It takes a
few seconds; exit status 1 when anything is wrong.

The build runs the same code: ``define_env`` (macros/__init__.py) reports
:func:`site_problems` once per build, each page's own text is checked by
``pages.page_problems`` and each example's section markers as the page renders, so ``make serve`` (a box on the
page), ``mkdocs build --strict`` (a failure) and this command agree.

What only this module sees, across files:

- two pages with one `# Title`;
- a link to a page that does not exist (with the page it probably means), or to
  an anchor a page does not have (with the anchors it has);
- a nav entry naming a missing page (with the page it probably means), a page
  no menu leads to, a topic page listed by hand and a manifest's ``group:`` that
  is not one of the Cookbook's groups (the nav lists topics from the manifests);
- a topic's manifest against its page (title = `# Title`) and its commands
  (a command that starts redis-server needs `services: [redis]`);
- a comparison cell naming another framework's module or package (Flask and
  Django cells swapped), and a data row whose `topic:` no manifest declares;
- a ``{% url %}`` in an example template naming no URL of the examples;
- a page's ``{# measured: ... #}`` mark (after the paragraph it backs) that
  data/measured.yml no longer supports (:func:`measured_mark_problems`), and a
  questionnaire reason quoting a figure it may not (macros/reasons.py);
- a section marker in an example file that would hide or break a section;
- a shown code line wider than two columns side by side allow (SHOWN_WIDTH).
"""

from __future__ import annotations

import ast
import difflib
import os
import posixpath
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

# Run as `python -m macros.check`, before anything imports MkDocs: no end-of-life banner.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from . import pages, reasons, speed, topics, yamlpath
from .errors import MacroError
from .examples import SHOWN_WIDTH, marker_problems, wide_lines

LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
EXPLICIT_ID = re.compile(r"""\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=["']([\w-]+)["']""")
URL_TAG = re.compile(r"""\{%-?\s*url\s+(["'])([^"']+)\1""")
# Names Django's own URLconfs give, which an example includes.
DJANGO_NAMES = {
    "django.contrib.auth.urls": (
        "login",
        "logout",
        "password_change",
        "password_change_done",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    ),
}


def slugify(text: str) -> str:
    """The id Python-Markdown's toc gives a heading (markdown.extensions.toc.slugify, the default)."""
    try:
        from markdown.extensions.toc import slugify as toc_slugify
    except ImportError:  # pragma: no cover - Markdown ships with both engines' environments
        return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text).strip().lower())
    return toc_slugify(text, "-")


def _markdown_text(text: str) -> str:
    """A heading's text as the toc reads it: no inline code ticks, no link targets, no attributes."""
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("`", "").replace("*", "").strip()


class Page:
    """One docs/ page: its text, body, `# Title` and anchors."""

    def __init__(self, docs: Path, path: Path):
        self.rel = path.relative_to(docs).as_posix()
        self.where = f"docs/{self.rel}"
        self.text = path.read_text(encoding="utf-8")
        self.meta, self.body, self.first = pages.split(self.text)
        self.headings = [
            (n, len(m.group(1)), m.group(2))
            for n, line in pages._prose(self.body, self.first)
            if (m := pages.HEADING.match(line))
        ]
        self.h1 = next(((n, t.strip()) for n, level, t in self.headings if level == 1), None)
        self.anchors = {slugify(_markdown_text(t)) for _, _, t in self.headings}
        self.anchors |= {a or b for a, b in EXPLICIT_ID.findall(self.text)}


def read_pages(root: Path) -> dict[str, Page]:
    docs = root / "docs"
    return {
        p.rel: p
        for p in (
            Page(docs, path) for path in sorted(docs.rglob("*.md")) if "includes" not in path.relative_to(docs).parts
        )
    }


def _nav(root: Path) -> tuple[list[Any], list[str]]:
    """mkdocs.yml's nav as written (the Cookbook's groups empty), and its lines."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return (yaml.load(text, Loader=topics.ConfigLoader) or {}).get("nav") or [], text.splitlines()


def _nav_line(lines: list[str], needle: str) -> int:
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), 0)
    return next((i + 1 for i, line in enumerate(lines) if i >= start and needle in line), start + 1)


def _nav_pages(items: list[Any], trail: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str | None, str]]:
    """(section trail, title or None, page) for every page of the nav."""
    for item in items:
        if isinstance(item, str):
            yield trail, None, item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    yield from _nav_pages(value, (*trail, title))
                elif isinstance(value, str) and "://" not in value:
                    yield trail, title, value


def _did_you_mean(target: str, known: list[str]) -> str:
    close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
    return f"did you mean {close[0]}?" if close else "check the name against the files in docs/"


def nav_problems(root: Path, docs: dict[str, Page], found: dict[str, topics.Topic]) -> list[str]:
    """Nav entries name real pages, every page is in the nav, and each topic is in a Cookbook
    group (the groups list their topics from the manifests: macros/topics.py)."""
    written, lines = _nav(root)
    problems = []
    for trail, _, page in _nav_pages(written):
        where = f"mkdocs.yml, line {_nav_line(lines, page)}"
        if page not in docs:
            problems.append(f"{where}: nav names {page}, which is not in docs/; {_did_you_mean(page, sorted(docs))}")
        elif trail[:1] == (topics.COOKBOOK,) and page != "cookbook/index.md":
            name = Path(page).stem
            problems.append(
                f"{where}: {page} is listed by hand, but the Cookbook's groups list their topics from "
                f"the manifests; delete the line, and give examples/{name}/topic.yml "
                f"`group:` (one of {', '.join(topics.groups(written))}) and `title:`"
            )
    for item in topics.cookbook_section(written) or []:
        if isinstance(item, dict):
            for group, value in item.items():
                if value != []:
                    problems.append(
                        f"mkdocs.yml, line {_nav_line(lines, f'- {group}:')}: write the group as "
                        f"`- {group}: []`; its topics come from the manifests that name it "
                        "(examples/<topic>/topic.yml, `group:`)"
                    )
    listed = {page for _, _, page in _nav_pages(topics.fill_nav(written, found))}
    for rel, doc in docs.items():
        # A cookbook page is a topic's: the nav lists it from its manifest (a wrong group is named
        # below), or topics.load names the manifest it lacks.
        if rel in listed or (rel.startswith("cookbook/") and rel != "cookbook/index.md"):
            continue
        problems.append(
            f"{doc.where}, line 1: the page is not in mkdocs.yml's nav, so no menu leads to it; "
            f"add `- {doc.h1[1] if doc.h1 else 'Title'}: {rel}` to nav in the section it belongs "
            "to (or delete the page)"
        )
    groups = topics.groups(written)
    for name, topic in found.items():
        page = f"cookbook/{name}.md"
        manifest = f"examples/{name}/topic.yml"
        problems += pages.placeholder_problems(manifest, (root / manifest).read_text(encoding="utf-8"))
        if page not in docs:
            problems.append(
                f"{manifest}, line 1: the topic has no page docs/{page}; write it "
                "(`make new-topic` scaffolds one) or delete the manifest"
            )
            continue
        h1 = docs[page].h1
        if h1 and h1[1] != topic.title:
            problems.append(
                f"docs/{page}, line {h1[0]}: the `# {h1[1]}` differs from `title: {topic.title}` "
                f"in {manifest}; make them the same (the manifest's title is the nav label)"
            )
        if topic.group not in groups:
            text = (root / manifest).read_text(encoding="utf-8")
            line, _ = yamlpath.walk(yaml.compose(text), ("group",))
            close = difflib.get_close_matches(topic.group, groups, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(
                f"{manifest}, line {line or 1}: group: {topic.group!r} is not one of the Cookbook's groups "
                f"in mkdocs.yml's nav ({', '.join(groups)}); {hint}a new group is a `- Name: []` line there"
            )
    return problems


def title_problems(docs: dict[str, Page]) -> list[str]:
    """No two pages share a `# Title`: search results and the browser history would not tell them apart."""
    first: dict[str, tuple[Page, int]] = {}  # title -> the first page with it, and the line
    problems = []
    for page in docs.values():
        if not page.h1:
            continue
        line, title = page.h1
        key = title.casefold()
        if key in first:
            other, other_line = first[key]
            problems.append(
                f"{page.where}, line {line}: `# {title}` is also the title of "
                f"{other.where} (line {other_line}); search results and the browser history "
                "would not tell the two apart, so give this page its own title"
            )
        else:
            first[key] = (page, line)
    return problems


def link_problems(docs: dict[str, Page]) -> list[str]:
    """Every link to a page of the guide reaches a page that exists, and an anchor that page has."""
    problems = []
    known = sorted(docs)
    for page in docs.values():
        folder = posixpath.dirname(page.rel)
        for number, line in pages._prose(page.body, page.first):
            for target in LINK.findall(line):
                if "://" in target or target.startswith(("mailto:", "/", "{")):
                    continue
                path, _, anchor = target.partition("#")
                if path and not path.endswith(".md"):
                    continue
                rel = posixpath.normpath(posixpath.join(folder, path)) if path else page.rel
                where = f"{page.where}, line {number}"
                if rel not in docs:
                    close = difflib.get_close_matches(rel, known, n=1, cutoff=0.6)
                    hint = (
                        f"did you mean {posixpath.relpath(close[0], folder or '.')}?"
                        if close
                        else "check the name against the files in docs/"
                    )
                    problems.append(f"{where}: the link to {path} reaches no page (docs/{rel} does not exist); {hint}")
                elif anchor and anchor not in docs[rel].anchors:
                    close = difflib.get_close_matches(anchor, sorted(docs[rel].anchors), n=1)
                    have = ", ".join(f"#{a}" for a in sorted(docs[rel].anchors)) or "none"
                    hint = f"did you mean #{close[0]}? " if close else ""
                    problems.append(f"{where}: docs/{rel} has no anchor #{anchor}; {hint}its anchors are: {have}")
    return problems


def _url_names(examples: Path) -> dict[str, set[str]]:
    """{namespace ("" for none): URL names} from every urls.py of the examples, read without Django."""
    names: dict[str, set[str]] = {}
    for path in sorted(examples.glob("**/urls.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        space = ""
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "app_name" for t in node.targets):
                if isinstance(node.value, ast.Constant):
                    space = str(node.value.value)
        found = names.setdefault(space, set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                        found.add(str(kw.value.value))
                if (
                    getattr(node.func, "id", None) == "include"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in DJANGO_NAMES
                ):
                    found.update(DJANGO_NAMES[node.args[0].value])
    names.setdefault("admin", set()).add("*")  # the admin's own names
    return names


def url_problems(root: Path) -> list[str]:
    """A `{% url "ns:name" %}` in an example template names a URL some urls.py of the examples defines."""
    examples = root / "examples"
    names = _url_names(examples)
    every = sorted(f"{space}:{n}" if space else n for space, found in names.items() for n in found if n != "*")
    problems = []
    for path in sorted(examples.glob("**/templates/**/*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for _, name in URL_TAG.findall(line):
                space, _, short = name.rpartition(":")
                have = names.get(space, set())
                if short in have or "*" in have:
                    continue
                close = difflib.get_close_matches(name, every, n=1, cutoff=0.6)
                hint = (
                    f"did you mean {close[0]!r}?"
                    if close
                    else (
                        f"the names in {space!r} are {', '.join(sorted(have))}"
                        if have
                        else f"no urls.py of the examples sets app_name = {space!r}"
                    )
                )
                problems.append(
                    f"{path.relative_to(root).as_posix()}, line {number}: {{% url {name!r} %}} names "
                    f"no URL, so the page fails with NoReverseMatch; {hint}"
                )
    return problems


def _example_files(root: Path) -> list[Path]:
    """The example files that may hold snippet sections."""
    return [
        path
        for path in sorted((root / "examples").rglob("*"))
        if path.is_file()
        and path.suffix in {".py", ".sh", ".html", ".txt", ".cfg", ".ini", ".po", ".yml"}
        and "__pycache__" not in path.parts
    ]


def marker_problems_in(root: Path) -> list[str]:
    """Every section marker of every example file (a page renders only the topics it shows)."""
    problems = []
    for path in _example_files(root):
        for number, message in marker_problems(path):
            problems.append(f"{path.relative_to(root).as_posix()}, line {number}: {message}")
    return problems


def width_problems(root: Path, docs: dict[str, Page]) -> list[str]:
    """Every shown code line fits two columns side by side on a wide screen: the lines of each
    example file's snippet sections, and the code typed in a page's fences (macro calls aside)."""
    problems = []
    fix = (
        f"pages show at most {SHOWN_WIDTH} so that Flask and Django fit side by side; put a trailing "
        "comment on its own line above, or split the line as ruff format would"
    )
    for path in _example_files(root):
        for number, size, section in wide_lines(path):
            problems.append(
                f"{path.relative_to(root).as_posix()}, line {number}: this line of section {section!r} is "
                f"{size} characters wide; {fix}"
            )
    for page in docs.values():
        fence = None
        for number, line in enumerate(page.text.splitlines(), 1):
            opened = re.match(r"^[ \t]*(`{3,}|~{3,})", line)
            if fence is None:
                fence = opened.group(1) if opened else None
            elif opened and opened.group(1) == fence:
                fence = None
            elif "{{" not in line and "--8<--" not in line and len(line.strip().expandtabs(4)) > SHOWN_WIDTH:
                size = len(line.strip().expandtabs(4))
                problems.append(f"{page.where}, line {number}: this code line is {size} characters wide; {fix}")
    return problems


def service_problems(root: Path, found: dict[str, topics.Topic]) -> list[str]:
    """A topic whose commands start redis-server declares `services: [redis]`, so its tests start one."""
    problems = []
    for name, topic in found.items():
        starts = any(
            line.lstrip().startswith("redis-server")
            for path in (root / "examples" / name).glob("*_commands.sh")
            for line in path.read_text(encoding="utf-8").splitlines()
        )
        if starts and "redis" not in topic.services:
            problems.append(
                f"examples/{name}/topic.yml, line 1: services: its commands start redis-server; add `services: [redis]`"
            )
    return problems


def cell_problems(root: Path, site: Any) -> list[str]:
    """A comparison cell names its own framework's module or add-on, not another's (swapped cells)."""
    from .datafile import locate
    from .run_it import canonical

    problems = []
    roots = {key: (key, canonical(fw.package)) for key, fw in site.frameworks.items()}
    for fid, feature in site.features.items():
        for fw, cell in feature.per.items():
            for other, (module, package) in roots.items():
                if other == fw:
                    continue
                wrong = None
                if cell.module and cell.module.split(".")[0] == module:
                    wrong = ("module", cell.module)
                elif cell.package and (
                    canonical(cell.package) == package or canonical(cell.package).startswith(package + "-")
                ):
                    wrong = ("package", cell.package)
                if wrong:
                    name = site.frameworks[other].name
                    problems.append(
                        f"{locate(root / 'data', 'features.yml', ('features', fid, 'per', fw, wrong[0]))}: "
                        f"{wrong[1]!r} is {name}'s, under `{fw}:`; the cells look swapped: put each "
                        f"framework's module or add-on under its own key"
                    )
    return problems


def data_topic_problems(root: Path, site: Any, found: dict[str, topics.Topic]) -> list[str]:
    """Every `topic:` in data/features.yml and data/cli.yml names a declared topic (its manifest)."""
    from .datafile import locate

    named: list[tuple[str, tuple[Any, ...], Any]] = [
        ("features.yml", ("features", fid, "topic"), f.topic) for fid, f in site.features.items()
    ]
    named += [
        ("cli.yml", ("commands", fw, i, "topic"), c.topic)
        for fw, cmds in site.commands.items()
        for i, c in enumerate(cmds)
    ]
    problems = []
    for file, path, topic in named:
        if topic not in found:
            close = difflib.get_close_matches(topic, sorted(found), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"the topics are {', '.join(sorted(found))}"
            problems.append(
                f"{locate(root / 'data', file, path)}: no topic {topic!r} (no examples/{topic}/topic.yml); "
                f"a row's topic is the cookbook page that shows it: {hint}"
            )
    return problems


# A page's claim about the measured figures, declared after the paragraph that makes it,
# with decision.yml's `measured:` grammar (KEY: flask | django | neither), plus
# `not FW`, `FW by under N` (the medians differ by less than N, in the figure's
# unit) and `above KEY` (in every framework, clearly more than that figure);
# a list of these for several conditions on one figure.
MEASURED_MARK = re.compile(r"\{#-?\s*measured:(.*?)#\}", re.S)
_MARK_VALUE = re.compile(r"(not )?(\w+)(?: by under ([\d.]+))?$")


def _mark_problem(site: Any, key: str, value: str) -> str | None:
    names = {k: fw.name for k, fw in site.frameworks.items()}
    try:
        if value.startswith("above "):
            (high, _), (low, _) = speed._walk(site, key), speed._walk(site, value[6:])
            flat = [fw for fw in high if not (speed.clear(high[fw], low[fw]) and high[fw].median > low[fw].median)]
            return f"{names[flat[0]]}'s {key} is not clearly above {value[6:]}" if flat else None
        found = _MARK_VALUE.match(value)
        if not found or found.group(2) not in (*names, reasons.NEITHER):
            choices = f"{' | '.join(names)} | {reasons.NEITHER}, `not FW`, `FW by under N`"
            return f"{value!r}: write {choices} or `above KEY`"
        negated, who, under = found.groups()
        won = speed.winner(site, key) or reasons.NEITHER
    except MacroError as exc:
        return str(exc)
    said = f"clearly favours {names[won]}" if won in names else "shows no clear difference"
    if (won == who) == bool(negated):
        return f"the paragraph relies on {key} showing {'not ' * bool(negated)}{names.get(who, who)}, but it {said}"
    if under:
        node, _ = speed._walk(site, key)
        gap = abs(node[list(names)[0]].median - node[list(names)[1]].median)
        if gap >= float(under):
            return f"the paragraph relies on {key} differing by under {under}, but the medians are {gap:g} apart"
    return None


def measured_mark_problems(root: Path, site: Any) -> list[str]:
    """Each `{# measured: ... #}` mark on a page still holds for data/measured.yml."""
    problems = []
    for page in read_pages(root).values():
        for mark in MEASURED_MARK.finditer(page.text):
            line = page.text.count("\n", 0, mark.start()) + 1
            try:
                marks = yaml.safe_load(mark.group(1)) or {}
                assert isinstance(marks, dict)
            except (yaml.YAMLError, AssertionError):
                problems.append(f"{page.where}, line {line}: a measured mark holds `KEY: VALUE` lines, one a figure")
                continue
            for key, values in marks.items():
                for value in values if isinstance(values, list) else [values]:
                    if not (problem := _mark_problem(site, str(key), str(value))):
                        continue
                    problems.append(
                        f"{page.where}, line {line}: {problem}. Rewrite the paragraph above the mark "
                        "to say what data/measured.yml shows, then the mark"
                    )
    return problems


def site_problems(root: Path, site: Any = None) -> list[str]:
    """What only a look across files finds (the list in this module's docstring)."""
    docs = read_pages(root)
    problems: list[str] = []
    try:
        found = topics.load(root / "examples")
    except topics.TopicError as exc:
        problems.append(str(exc))
        found = {}
    problems += nav_problems(root, docs, found) + title_problems(docs) + link_problems(docs)
    problems += url_problems(root) + service_problems(root, found) + width_problems(root, docs)
    if site is not None:
        problems += cell_problems(root, site) + measured_mark_problems(root, site)
        problems += reasons.problems(site, (root / "data" / "decision.yml").read_text(encoding="utf-8"))
        problems += data_topic_problems(root, site, found) if found else []
    return problems


_cache: dict[str, tuple[tuple, list[str]]] = {}


def _stamp(root: Path) -> tuple:
    files = [
        root / "mkdocs.yml",
        *(
            p
            for top in ("docs", "examples", "data")
            for p in (root / top).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ),
    ]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


def site_problems_once(root: Path, site: Any) -> tuple[list[str], bool]:
    """:func:`site_problems`, and whether they were computed afresh (False: no file changed since).

    Zensical runs define_env once per page: the look across files runs once per change, not per page.
    """
    stamp = _stamp(root)
    hit = _cache.get(str(root))
    if hit and hit[0] == stamp:
        return hit[1], False
    found = site_problems(root, site)
    _cache[str(root)] = (stamp, found)
    return found, True


def page_problems(root: Path) -> list[str]:
    """Each page's own text (pages.page_problems), and each section index's list of pages."""
    nav = topics.read_nav(root)
    index = pages.section_pages(nav)
    problems = []
    for page in read_pages(root).values():
        problems += pages.page_problems(page.where, page.text)
        if page.rel in index:
            # A nav entry naming a missing page is nav_problems' (with the page meant), not the index's.
            listed = [(t, p) for t, p in index[page.rel] if (root / "docs" / p).is_file()]
            problems += pages.index_problems(page.where, page.text, page.rel, listed)
    return problems


def problems(root: Path) -> list[str]:
    """Everything: the data, the manifests, every page, across files."""
    from . import data

    found: list[str] = []
    site = None
    try:
        site = data.load(root / "data")
    except data.DataError as exc:
        found.append(str(exc))
    # Section markers: the build finds them as it renders each topic's examples.
    return found + page_problems(root) + site_problems(root, site) + marker_problems_in(root)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="the project folder (default: this checkout)",
    )
    args = parser.parse_args(argv)
    start = time.monotonic()
    found = problems(args.root)
    for message in found:
        print(message, file=sys.stderr)
    took = time.monotonic() - start
    print(f"macros.check: {len(found)} problem{'s' * (len(found) != 1)} in {took:.1f} s", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

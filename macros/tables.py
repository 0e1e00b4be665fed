"""Render comparison tables and inline facts from validated data, as Markdown.

Pure functions: each takes a :class:`macros.data.Data` and returns a string.
Columns follow the order of frameworks in ``data/frameworks.yml``, so a third
framework gets a column without any change here. Every cell says its verdict
in words ("Built in", "Add-on", "Not included"), never by icon or colour alone.

Each table is first built as a :class:`Table` of :class:`Cell` values that
hold the data text as written (``tables.build("topic_table", data, "routing")``),
then written as Markdown; every cell goes through :func:`macros.text.inline`,
so whatever characters the data holds reach the reader whole, and backticked
pieces show as code. tests/site/ compares each built cell with its ``Cell``.

The calls a page writes (``data`` is passed by macros/__init__.py; a
``frameworks`` list picks and orders columns, by their keys in frameworks.yml)::

    {{ topic_table("routing") }}           the rows of data/features.yml whose topic is routing
    {{ feature_matrix() }}                 every feature; feature_matrix(topic="routing") for one topic
    {{ feature_groups(level=3) }}          the same, one heading and table per Cookbook group of the nav
    {{ cli_table(framework="flask", topic="cli", pages=False) }}
                                           data/cli.yml's commands; pages=True links each to its page
    {{ addon_table(builtin="django", addon="flask") }}
                                           jobs one framework has built in and the other adds
    {{ at_a_glance() }}                    the headline facts of every framework
    {{ fact("django.current.version") }}   one value: <framework>.<key path in frameworks.yml>,
                                           or <framework>.tested; a measured value is a
                                           figure("install.size.flask") (macros/speed.py)
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import text
from .data import Data, Feature
from .errors import MacroError

VERDICT = {"builtin": "Built in", "addon": "Add-on", "none": "Not included"}


@dataclass(frozen=True)
class Cell:
    """One table cell: data text (with `code` in backticks), an optional bold label before it."""

    text: str
    label: str = ""
    code: bool = False  # the whole text is code, such as a command: backticks in it are shown
    link: str = ""  # a relative .md link: the cell's text links there

    def markdown(self) -> str:
        try:
            body = text.code(self.text, breaks=True) if self.code else text.inline(self.text, breaks=True)
        except text.TextError as exc:
            raise MacroError(f"cannot show {self.text!r} in a table: {exc}") from None
        if self.link:
            body = f"[{body}]({self.link})"
        return f"**{text.escape(self.label)}**: {body}" if self.label else body

    def reads(self) -> str:
        """The cell's text as a reader reads it."""
        body = self.text if self.code else text.plain(self.text)
        return f"{self.label}: {body}" if self.label else body


@dataclass(frozen=True)
class Table:
    header: list[Cell]
    rows: list[list[Cell]] = field(default_factory=list)

    def markdown(self) -> str:
        return markdown_table([c.markdown() for c in self.header], [[c.markdown() for c in row] for row in self.rows])


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table of cells already written as Markdown (every table the macros write)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    # Out of the search index: Material's index flattens a table into one
    # run of words, which then fills the result previews; the prose around
    # each table names what it holds.
    return "<div data-search-exclude markdown>\n\n" + "\n".join(lines) + "\n\n</div>\n"


def _table(header: list[Any], rows: list[list[Any]]) -> Table:
    def as_cell(v: Any) -> Cell:
        return v if isinstance(v, Cell) else Cell(str(v))

    return Table([as_cell(h) for h in header], [[as_cell(c) for c in row] for row in rows])


def _frameworks(data: Data, only: list[str] | None) -> list[str]:
    if only is None:
        return list(data.frameworks)
    unknown = [f for f in only if f not in data.frameworks]
    if unknown:
        raise MacroError(f"unknown framework {unknown[0]!r}; data/frameworks.yml defines {sorted(data.frameworks)}")
    return list(only)


def _check_topic(data: Data, topic: str) -> None:
    if topic not in data.topics:
        raise MacroError(f"unknown topic {topic!r}; data/features.yml and data/cli.yml use {data.topics}")


def _verdict(feature: Feature, fw: str) -> Cell:
    cell = feature.per.get(fw)
    if cell is None:
        return Cell("No data")
    return Cell(cell.how, label=VERDICT[cell.support])


def feature_matrix_cells(data: Data, topic: str | None = None, frameworks: list[str] | None = None) -> Table:
    """Feature by framework: what each one ships, adds on, or leaves out."""
    names = _frameworks(data, frameworks)
    features = list(data.features.values())
    if topic is not None:
        _check_topic(data, topic)
        features = [f for f in features if f.topic == topic]
        if not features:
            raise MacroError(f"topic {topic!r} has no features in data/features.yml")
    header = ["Feature"] + [data.frameworks[n].name for n in names]
    return _table(header, [[f.name] + [_verdict(f, n) for n in names] for f in features])


def topic_table_cells(data: Data, topic: str, frameworks: list[str] | None = None) -> Table:
    """The features of one cookbook topic, as a matrix; the page names its topic."""
    return feature_matrix_cells(data, topic=topic, frameworks=frameworks)


def cookbook_groups(nav: list[Any]) -> dict[str, list[str]]:
    """{group title: [topic, ...]} for the Cookbook's groups in mkdocs.yml's nav, in nav order.

    A group is a titled list of ``cookbook/<topic>.md`` pages (the sidebar's
    "Basics", "Data", ...): the same concerns the reader meets in the sidebar
    and on the cookbook's index page, so the overview groups by them too.
    """
    found: dict[str, list[str]] = {}

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else []:
            for title, value in item.items() if isinstance(item, dict) else ():
                if not isinstance(value, list):
                    continue
                topics = [
                    page.group(1)
                    for entry in value
                    if isinstance(entry, dict)
                    for p in entry.values()
                    if isinstance(p, str) and (page := re.fullmatch(r"cookbook/(\w+)\.md", p))
                ]
                if topics:
                    found.setdefault(title, []).extend(topics)
                walk(value)

    walk(nav)
    return found


def feature_groups_cells(
    data: Data, groups: dict[str, list[str]], frameworks: list[str] | None = None
) -> list[tuple[str, Table]]:
    """The feature matrix cut by concern: one (group title, table) per group, rows in nav order.

    Every feature must land in a group: one whose topic is in none (a page
    missing from the nav, or a misspelt topic) raises, naming its key.
    """
    order = {topic: (g, i) for g, topics in enumerate(groups.values()) for i, topic in enumerate(topics)}
    lost = [key for key, f in data.features.items() if f.topic not in order]
    if lost:
        topic = data.features[lost[0]].topic
        raise MacroError(
            f"data/features.yml: features.{lost[0]}.topic is {topic!r}, but cookbook/{topic}.md is in no "
            f"group of the Cookbook in mkdocs.yml's nav ({', '.join(groups) or 'none found'}); add the page "
            "to a group there, or give the feature the topic of a page that is"
            + (f" (also: {', '.join(lost[1:])})" if lost[1:] else "")
        )
    names = _frameworks(data, frameworks)
    header = ["Feature"] + [data.frameworks[n].name for n in names]
    by_group: dict[str, list[Feature]] = {title: [] for title in groups}
    for feature in sorted(data.features.values(), key=lambda f: order[f.topic]):
        by_group[list(groups)[order[feature.topic][0]]].append(feature)
    return [
        (title, _table(header, [[f.name] + [_verdict(f, n) for n in names] for f in features]))
        for title, features in by_group.items()
        if features
    ]


def cookbook_link(topic: str, here: str) -> str:
    """The relative link from the page ``here`` (a path under docs/) to the topic's cookbook page."""
    return posixpath.relpath(f"cookbook/{topic}.md", posixpath.dirname(here) or ".")


def cookbook_titles(folder: Path) -> dict[str, str]:
    """Topic -> the title of its cookbook page (the page's first ``# `` heading)."""
    titles = {}
    for page in sorted(folder.glob("*.md")):
        heading = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M)
        if heading:
            titles[page.stem] = heading.group(1).strip()
    return titles


def cli_table_cells(
    data: Data,
    framework: str | None = None,
    topic: str | None = None,
    pages: bool = False,
    here: str = "",
    titles: dict[str, str] | None = None,
) -> Table:
    """Commands: what you type and what it does.

    With one ``framework``, the framework column is left out (the table sits
    in that framework's tab). With ``pages``, a last column links each command
    to the cookbook page of its topic, titled from ``titles``, relative to the
    page ``here`` (its path under docs/).
    """
    names = _frameworks(data, None if framework is None else [framework])
    if topic is not None:
        _check_topic(data, topic)
    rows = []
    for name in names:
        for cmd in data.commands.get(name, []):
            if topic is None or cmd.topic == topic:
                row: list[str | Cell] = [] if framework else [data.frameworks[name].name]
                row += [Cell(cmd.usage, code=True), cmd.does]
                if pages:
                    row.append(Cell((titles or {}).get(cmd.topic, cmd.topic), link=cookbook_link(cmd.topic, here)))
                rows.append(row)
    if not rows:
        raise MacroError(f"no commands for framework={framework!r} topic={topic!r} in data/cli.yml")
    header = ([] if framework else ["Framework"]) + ["Command", "What it does"] + (["Cookbook page"] if pages else [])
    return _table(header, rows)


def addon_table_cells(data: Data, builtin: str = "django", addon: str = "flask") -> Table:
    """For each job one framework ships, the package the other one adds."""
    _frameworks(data, [builtin, addon])
    rows = []
    for feature in data.features.values():
        has, needs = feature.per.get(builtin), feature.per.get(addon)
        if has and needs and has.support == "builtin" and needs.support == "addon":
            rows.append([feature.name, has.how, _addon_how(needs.package, needs.how)])
    if not rows:
        raise MacroError(f"no feature is built into {builtin!r} and an add-on for {addon!r}")
    return _table(["Job", f"Built into {data.frameworks[builtin].name}", f"{data.frameworks[addon].name} add-on"], rows)


def _addon_how(package: str | None, how: str) -> str:
    """The add-on's cell: its package named once ("Flask-WTF (WTForms)", not
    "Flask-WTF: Flask-WTF (WTForms)"); the package leads only when ``how`` does
    not name it."""
    if not package or re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", text.plain(how), re.I):
        return how
    return f"{package}: {how}"


def _size(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def at_a_glance_cells(data: Data, frameworks: list[str] | None = None) -> Table:
    """The headline facts side by side: versions, licence, Python, install footprint."""
    names = _frameworks(data, frameworks)
    fws = [data.frameworks[n] for n in names]
    inst = [data.install[n] for n in names]
    rows: list[list[str | int]] = [
        ["Current release", *(f"{f.current.version} ({f.current.release_line} line)" for f in fws)],
        [
            "Long-term support",
            *(f"{f.lts.version}, until {f.lts.support_until}" if f.lts else "No LTS line" for f in fws),
        ],
        ["Python", *(f.current.python for f in fws)],
        ["First release", *(f.first_release for f in fws)],
        ["Licence", *(f.licence for f in fws)],
        ["Installed size", *(_size(i.size_kib) for i in inst)],
        ["Distributions installed", *(i.distributions for i in inst)],
        ["Requires", *(", ".join(i.dependencies) or "nothing" for i in inst)],
        ["Examples tested on", *(", ".join(f.tested) for f in fws)],
    ]
    return _table(["Fact", *(f.name for f in fws)], rows)


TABLES: dict[str, Callable[..., Table]] = {
    "feature_matrix": feature_matrix_cells,
    "topic_table": topic_table_cells,
    "cli_table": cli_table_cells,
    "addon_table": addon_table_cells,
    "at_a_glance": at_a_glance_cells,
}


def build(name: str, data: Data, *args: Any, **kwargs: Any) -> Table:
    """The table the macro ``name`` renders for these arguments, cell by cell."""
    return TABLES[name](data, *args, **kwargs)


def feature_matrix(data: Data, topic: str | None = None, frameworks: list[str] | None = None) -> str:
    """Feature by framework, as a Markdown table."""
    return feature_matrix_cells(data, topic, frameworks).markdown()


def feature_groups(
    data: Data, groups: dict[str, list[str]], frameworks: list[str] | None = None, level: int = 3
) -> str:
    """The feature matrix as one heading and one short table per concern."""
    return "\n".join(
        f"{'#' * level} {text.escape(title)}\n\n{table.markdown()}"
        for title, table in feature_groups_cells(data, groups, frameworks)
    )


def topic_table(data: Data, topic: str, frameworks: list[str] | None = None) -> str:
    """The features of one cookbook topic, as a Markdown table."""
    return topic_table_cells(data, topic, frameworks).markdown()


def cli_table(
    data: Data,
    framework: str | None = None,
    topic: str | None = None,
    pages: bool = False,
    here: str = "",
    titles: dict[str, str] | None = None,
) -> str:
    """Commands, as a Markdown table."""
    return cli_table_cells(data, framework, topic, pages, here, titles).markdown()


def addon_table(data: Data, builtin: str = "django", addon: str = "flask") -> str:
    """Built-in jobs against add-ons, as a Markdown table."""
    return addon_table_cells(data, builtin, addon).markdown()


def at_a_glance(data: Data, frameworks: list[str] | None = None) -> str:
    """The headline facts, as a Markdown table."""
    return at_a_glance_cells(data, frameworks).markdown()


# Facts computed from frameworks.yml, for prose: "{{ fact('flask.tested') }}".
DERIVED = {
    "tested": lambda data, fw: ", ".join(data.frameworks[fw].tested),
}


def fact(data: Data, key: str) -> str:
    """One value of data/frameworks.yml for prose, by dotted key: ``django.current.version``.

    The framework comes first: a fact is about one framework. A measured value is a
    :func:`macros.speed.figure`, named the other way round (``install.size.flask``).
    """
    fw, _, rest = key.partition(".")
    if fw not in data.frameworks:
        raise MacroError(
            f"fact {key!r}: unknown framework {fw!r}; data/frameworks.yml defines {sorted(data.frameworks)}"
        )
    if rest in DERIVED:
        return DERIVED[rest](data, fw)
    node: Any = dict(data.frameworks[fw])
    for part in rest.split("."):
        if isinstance(node, BaseModel):
            node = dict(node)
        if not (isinstance(node, dict) and part in node):
            hint = f"; a measured value is figure('{rest}.{fw}')" if part in ("install", "project") else ""
            raise MacroError(f"fact {key!r}: no key {part!r} in data/frameworks.yml for {fw!r}{hint}")
        node = node[part]
    if isinstance(node, (BaseModel, dict, list)):
        raise MacroError(f"fact {key!r} is not a single value; name one of its keys")
    return str(node)

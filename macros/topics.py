"""The cookbook's topics: one manifest, ``examples/<topic>/topic.yml``, declares each.

A topic is the page ``docs/cookbook/<topic>.md``, the folder ``examples/<topic>/``
and ``tests/examples/test_<topic>.py``; its manifest says what nothing else can
work out from those files::

    title: Authentication and sessions   # the page's `# Title`, and its label in nav
    group: Users and security            # its Cookbook group (mkdocs.yml's nav names the groups)
    order: 1                             # its place in the group (optional: without it, last)
    summary: Signing users in and out.   # its line on the Cookbook's index page
    mount: auth/                         # where examples/project/urls.py mounts django_app/urls.py
                                         # (only for a topic that has one; "" is the site's root)
    prompts: [a-long-password, a-long-password]  # typed at the prompts the Run-it commands show
    services: []                         # what the examples talk to: redis, smtp
    entry:                               # what a test client imports
      flask: auth.flask_app:create_app
      django: auth.django_app.urls

Everything that needs the list of topics reads it here: the nav (mkdocs.yml
names the Cookbook's groups, each as ``- Data: []``, and :func:`fill_nav` lists
the topics in them: MkDocs through ``define_env``, Zensical through the
``.zensical.yml`` that ``python -m macros.topics`` writes), the Cookbook's index
page (:func:`index_list`), the checker (``python -m macros.check``),
``macros/run_it.py`` (the mount a reader adds), the Django project's URLs
(``examples/project/urls.py``), the tests and ``make new-topic``.

A key this module does not own passes through untouched in ``Topic.extra``:
``attacks:`` belongs to the attack suite in tests/attacks/, which validates it.

Only PyYAML is needed, so the example tests on the LTS interpreter read it too.
Every error names the file, the line and the key path, and says what to write.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlpath

MANIFEST = "topic.yml"
SERVICES = ("redis", "smtp")
# Keys owned by other code, passed through untouched (tests/attacks/ validates `attacks`).
PASSTHROUGH = ("attacks",)
KEYS = ("title", "group", "order", "summary", "mount", "prompts", "services", "entry", *PASSTHROUGH)
REQUIRED = ("title", "group", "summary", "entry")
MOUNT = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)?$")
FLASK_ENTRY = re.compile(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*:[a-z_][a-z0-9_]*$")
DJANGO_ENTRY = re.compile(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$")


class TopicError(ValueError):
    """A manifest is missing or wrong; the message starts with ``examples/<topic>/topic.yml, line N: key``."""


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    group: str
    summary: str
    mount: str | None  # "" for the site's root, "<path>/", None: no django_app/urls.py
    entry: dict[str, str]  # framework key -> "module:factory" (Flask) or "module" (Django URLconf)
    prompts: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    order: int | None = None  # its place in its group; None: after those that have one
    extra: dict[str, Any] = field(default_factory=dict)  # keys other code owns (attacks), untouched

    @property
    def answers(self) -> str:
        """What the reader types at the prompts, as standard input."""
        return "".join(f"{line}\n" for line in self.prompts)


def _line(node: yaml.Node, path: tuple[Any, ...]) -> int:
    """The 1-based line of the key at ``path`` (or of its nearest parent)."""
    line, _ = yamlpath.walk(node, path)
    return line or node.start_mark.line + 1


def read(path: Path, rel: str | None = None) -> Topic:
    """The manifest at ``path`` (``examples/<topic>/topic.yml``), validated."""
    rel = rel or f"examples/{path.parent.name}/{MANIFEST}"
    name = path.parent.name
    if not path.is_file():
        raise TopicError(
            f"{rel}: missing: every topic declares its title, nav group, URL mount and entry "
            f"points there (`make new-topic` writes one; copy examples/hello/{MANIFEST})"
        )
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{rel}, line {mark.line + 1}" if mark else rel
        raise TopicError(
            f"{where}: not valid YAML ({getattr(exc, 'problem', None) or exc}); "
            "a value holding `: ` or starting with a quote, `[` or `{` needs quotes"
        ) from None
    if not isinstance(raw, dict) or node is None:
        raise TopicError(f"{rel}, line 1: the manifest must be `key: value` lines ({', '.join(REQUIRED)}, ...)")

    def fail(path: tuple[Any, ...], message: str) -> TopicError:
        dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        return TopicError(f"{rel}, line {_line(node, path)}: {dotted or '(top level)'}: {message}")

    problems = []
    for key in raw:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean `{close[0]}:`?" if close else f"the keys are {', '.join(KEYS)}"
            problems.append(fail((key,), f"not a manifest key; {hint}"))
    for key in REQUIRED:
        if key not in raw:
            problems.append(fail((), f"`{key}:` is missing; see the keys in macros/topics.py's docstring"))
    for key in ("title", "group", "summary"):
        value = raw.get(key)
        if key in raw and (not isinstance(value, str) or not value.strip()):
            problems.append(fail((key,), f"write the {key} as text, got {value!r}"))
    order = raw.get("order")
    if "order" in raw and (not isinstance(order, int) or isinstance(order, bool) or order < 1):
        problems.append(fail(("order",), f"write the topic's place in its group as a number from 1, got {order!r}"))
    mount = raw.get("mount")
    has_urls = (path.parent / "django_app" / "urls.py").is_file()
    if has_urls and "mount" not in raw:
        problems.append(
            fail(
                (),
                f"`mount:` is missing: examples/{name}/django_app/urls.py needs a place in "
                f'the Django project; write `mount: "{name}/"`',
            )
        )
    elif "mount" in raw and not has_urls:
        problems.append(
            fail(
                ("mount",),
                f"examples/{name}/django_app/urls.py does not exist, so there is "
                "nothing to mount; delete the key (or add the URLconf)",
            )
        )
    elif "mount" in raw and not (isinstance(mount, str) and MOUNT.match(mount)):
        problems.append(
            fail(
                ("mount",),
                f'{mount!r} is not a mount: write "" for the site\'s root or a path ending in / such as "{name}/"',
            )
        )
    for key in ("prompts", "services"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(fail((key,), f'write a list of text, such as [] or ["..."], got {value!r}'))
    for i, service in enumerate(raw.get("services") or []):
        if isinstance(service, str) and service not in SERVICES:
            problems.append(
                fail(("services", i), f"unknown service {service!r}; the tests start {', '.join(SERVICES)}")
            )
    entry = raw.get("entry")
    if "entry" in raw:
        if not isinstance(entry, dict) or not entry:
            problems.append(fail(("entry",), "give `flask: <module>:<factory>` and `django: <urls module>`"))
        else:
            for fw, value in entry.items():
                shape = {"flask": FLASK_ENTRY, "django": DJANGO_ENTRY}.get(fw)
                if shape is None:
                    problems.append(fail(("entry", fw), "the frameworks are flask and django"))
                elif not (isinstance(value, str) and shape.match(value) and value.split(".")[0].split(":")[0] == name):
                    want = f"{name}.flask_app:create_app" if fw == "flask" else f"{name}.django_app.urls"
                    problems.append(
                        fail(("entry", fw), f"{value!r} is not a module of this topic's package; write it as {want}")
                    )
    if problems:
        raise TopicError("\n".join(str(p) for p in problems))
    assert isinstance(entry, dict)  # a required key, checked above
    return Topic(
        name=name,
        title=raw["title"].strip(),
        group=raw["group"].strip(),
        summary=" ".join(raw["summary"].split()),
        order=order,
        mount=mount,
        entry=dict(entry),
        prompts=tuple(raw.get("prompts") or ()),
        services=tuple(raw.get("services") or ()),
        extra={k: raw[k] for k in PASSTHROUGH if k in raw},
    )


def names(examples_dir: Path) -> list[str]:
    """Every topic, by its folder: each examples/<topic>/ with a manifest or a page."""
    docs = examples_dir.parent / "docs" / "cookbook"
    found = {p.parent.name for p in examples_dir.glob(f"*/{MANIFEST}")}
    found |= {p.stem for p in docs.glob("*.md") if p.name != "index.md"}
    return sorted(found)


def load(examples_dir: Path) -> dict[str, Topic]:
    """Every topic's manifest, in name order; one TopicError listing every mistake."""
    topics, problems = {}, []
    for name in names(examples_dir):
        try:
            topics[name] = read(examples_dir / name / MANIFEST)
        except TopicError as exc:
            problems.append(str(exc))
    if problems:
        raise TopicError("\n".join(problems))
    return topics


def mount(examples_dir: Path, topic: str) -> str | None:
    """The Django app's mount of one topic (its manifest's `mount:`)."""
    return read(examples_dir / topic / MANIFEST).mount


# The Cookbook's nav and index page, from the manifests ------------------------

COOKBOOK = "Cookbook"
# The file Zensical builds from: mkdocs.yml with the Cookbook's groups filled in.
ZENSICAL_CONFIG = ".zensical.yml"


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python/... tags read as None: the nav is plain YAML."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def cookbook_section(nav: list[Any]) -> list[Any] | None:
    return next(
        (value for item in nav if isinstance(item, dict) for key, value in item.items() if key == COOKBOOK),
        None,
    )


def groups(nav: list[Any]) -> list[str]:
    """The Cookbook's groups, in the order mkdocs.yml's nav names them ("Basics", "Data", ...)."""
    section = cookbook_section(nav)
    return [key for item in section or [] if isinstance(item, dict) for key in item]


def in_order(found: dict[str, Topic]) -> list[Topic]:
    """The topics as the sidebar lists them within a group: by ``order``, then the rest by title."""
    return sorted(found.values(), key=lambda t: (t.order is None, t.order or 0, t.title.lower()))


def fill_nav(nav: list[Any], found: dict[str, Topic]) -> list[Any]:
    """``nav`` with each Cookbook group listing its topics, ``- Title: cookbook/<topic>.md``."""
    section = cookbook_section(nav)
    if section is None:
        return nav
    filled = [
        {key: [{t.title: f"cookbook/{t.name}.md"} for t in in_order(found) if t.group == key]}
        if isinstance(item, dict) and (key := next(iter(item))) and isinstance(item[key], list)
        else item
        for item in section
    ]
    return [{COOKBOOK: filled} if isinstance(item, dict) and COOKBOOK in item else item for item in nav]


def read_nav(root: Path) -> list[Any]:
    """The site's nav: mkdocs.yml's, with the Cookbook's groups filled from the manifests.

    A manifest with a mistake leaves its topic out (the checker names the mistake)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    return fill_nav(config.get("nav") or [], valid(root / "examples"))


def valid(examples_dir: Path) -> dict[str, Topic]:
    """The topics whose manifests read without a mistake (:func:`load` names the mistakes)."""
    found = {}
    for name in names(examples_dir):
        try:
            found[name] = read(examples_dir / name / MANIFEST)
        except TopicError:
            pass
    return found


def config_text(text: str, nav: list[Any]) -> str:
    """mkdocs.yml's ``text`` with its ``nav:`` block written out as ``nav`` (every other line kept,
    tags included), for Zensical, which reads the nav from the file before any macro runs."""
    block = re.compile(r"(?m)^nav:[^\n]*\n(?:(?:[ \t#].*)?\n)*")
    listed = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)
    return block.sub(lambda _: listed, text, count=1)


def index_list(nav: list[Any], found: dict[str, Topic], level: int = 3) -> str:
    """The Cookbook's index: a heading per group, then each topic's link and summary, in nav order."""
    by_page = {f"cookbook/{t.name}.md": t for t in found.values()}
    out = []
    for item in cookbook_section(nav) or []:
        if not isinstance(item, dict):
            continue
        for group, pages in item.items():
            listed = [by_page[p] for entry in pages or [] for p in entry.values() if p in by_page]
            if listed:
                out.append(f"{'#' * level} {group}\n")
                out += [f"- [{t.title}]({t.name}.md): {t.summary}" for t in listed]
                out.append("")
    return "\n".join(out)


def write_zensical_config(root: Path) -> Path:
    """Write ``root``/.zensical.yml: mkdocs.yml with the Cookbook's nav filled in."""
    out = root / ZENSICAL_CONFIG
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    header = "# Written by `python -m macros.topics` from mkdocs.yml and examples/*/topic.yml: edit those.\n"
    out.write_text(header + config_text(text, read_nav(root)), encoding="utf-8")
    return out


if __name__ == "__main__":
    import sys

    print(write_zensical_config(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))

"""The one place where the two engines that build this site differ, for the macros.

The guide builds with MkDocs + mkdocs-macros (``make build``, what Pages
publishes) and with Zensical 0.0.73's own macros extension (``make
build-zensical``). Both call ``define_env(env)`` in ``macros/__init__.py``;
they differ in three ways, hidden here so nothing else branches on the engine:

- The page: MkDocs hands a ``Page`` whose ``file.src_uri`` is the path inside
  docs/; Zensical's page has no ``file``, only ``path`` (the same path).
- How often ``define_env`` runs: once per build with MkDocs; once per page
  with Zensical, which also executes ``macros/__init__.py`` afresh each time.
  This module is imported normally (``from . import engine``), so it lives
  once per process and :func:`once` keeps loaded data here, keyed by the
  modification times of the files it was read from.
- Relative URLs in a page's raw HTML (a ``<script src>`` a macro writes):
  MkDocs leaves them as written, so they start from the page's address;
  Zensical rewrites them as it rewrites Markdown links, from the folder of
  the page's source. :func:`html_base` gives the start for either.
- The error that stops a build: MkDocs prints a ``PluginError`` as one clean
  error line. Zensical has no MkDocs installed and stops on any exception,
  printing its message.
- Warnings: MkDocs counts those of its ``mkdocs.*`` loggers and fails a
  strict build on them; Zensical does not see Python's logging, so on a
  strict Zensical build :func:`warn` raises instead (the first mistake stops it).
- Hooks: Zensical calls no ``on_pre_page_macros``. As it runs ``define_env``
  once per page, ``define_env`` runs the checks on the page's own text there
  instead (front matter, title, alt text, index lists), from the page's file
  (:func:`front_matter_lines`) and the nav (:func:`nav`, Zensical hands its
  own shape). The Jinja checks (unknown macro, wrong arguments) stay on
  MkDocs: on Zensical an undefined name or broken call stops the strict build
  with Jinja's own message, and on ``zensical serve`` no notice box is shown.

Why two engines. MkDocs 1.x is unmaintained (1.6.1, August 2024, is its last
release) and Material for MkDocs does not support the announced MkDocs 2
(Material 9.7.5 and later cap ``mkdocs<2``). Material is in maintenance mode,
end of life announced for May 2027; its authors' successor is Zensical. The
site stays on MkDocs 1.x on purpose: requirements.txt pins every package
exactly and Dependabot is told not to propose MkDocs 2. Material 9.7+ prints
a notice about this on every build; the Makefile's ``NO_MKDOCS_2_WARNING=1``
keeps it out of logs, where it would hide real warnings.

``make test`` (and CI) builds with both engines and runs every site and
browser check on each output; tests/site/test_engines.py compares the two
builds page by page. A check that fails on one engine only ends its test id
in ``[zensical]`` or ``[mkdocs]``; ``mkdocs_only`` in tests/conftest.py marks
the few that skip on Zensical, saying why (the page-weight budget: Zensical's
theme bundle is about 19 KiB heavier than Material's).

Writing for both: templates without Python method calls (``.get()``,
``.rstrip()``: Zensical renders with MiniJinja); macros ask this module for
what differs; links to ``.md`` files relative to the page. Where an engine
needs its own branch it is in one commented place: this module,
``{% if mkdocs_version %}`` in overrides/partials/search.html and
overrides/main.html, ``event.stopPropagation()`` in the questionnaire's skip
link, the offline plugin's two names in overrides/main.html and
partials/copyright.html, ``search_for()`` in the browser tests.

Switching the deploy is one line in .github/workflows/deploy.yml: ``run:
make build`` becomes ``run: make build-zensical ZENSICAL_SITE=site`` (and
``test_deploy_builds_strictly_with_addresses_from_the_repository`` then looks
for that line). The offline edition still comes from MkDocs
(tools/offline.py); moving it is a change to ``offline.build()``.

What Zensical 0.0.73 still lacks (0.0.74 and later need ``zensical-ui``,
which this project's package index does not serve):

- Validation covers only links to missing pages and anchors; absolute links,
  links to a folder and pages left out of the nav pass, so test_engines.py
  and test_page_shape.py check them for both engines.
- Its cache tracks a ``macros.py`` module, not a package, nor the files
  macros read: hence ``watch:`` in mkdocs.yml lists data, examples, includes
  and macros. The cache is always ``.cache/`` beside the config, and there is
  no ``--site-dir``: the output must be inside the project.
- Its macros extension runs ``define_env`` once per page, hands a page with
  only ``url``, ``path``, ``title`` and ``meta``, has no
  ``on_pre_page_macros``, loads macros/ by path (hence ``PYTHONPATH``) and
  does not know MkDocs's ``!relative`` YAML tag. Python's logging warnings do
  not fail its strict build: :func:`warn` raises instead.
- Its theme differs where our overrides reach in: the search box is a button
  opening a dialog of its own (a second ``role="status"`` region, and it
  follows a same-page link even when a script prevented the click); nav items
  are copies, so Material's ``nav_item == page`` is never true; the offline
  plugin is ``offline``, not ``material/offline``; the classic stylesheet
  lacks Material's rule hiding code-line anchors (restored in
  overrides/main.html); its script bundle names Mermaid, Pyodide, Ace and
  GLightbox URLs the privacy plugin must be told to leave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import topics
from .pages import FRONT_MATTER

try:  # MkDocs
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # Zensical: any exception stops the build with its message.

    class BuildError(Exception):  # type: ignore[no-redef]
        """Stops the build; the message says what to fix."""


T = TypeVar("T")
_cache: dict[Any, tuple[tuple, Any, list[str]]] = {}


def source_path(page: Any) -> str:
    """The page's source inside docs/ (``cookbook/hello.md``), from either engine's page object."""
    file = getattr(page, "file", None)
    if file is not None:  # MkDocs
        return file.src_uri
    return Path(page.path).as_posix()  # Zensical


def html_base(page: Any) -> str:
    """Where a relative URL in the page's raw HTML starts, from the site root.

    ``choosing/decision/`` with MkDocs (the page's address), ``choosing/`` with
    Zensical (the folder of ``choosing/decision.md``): ``"../" * count("/")``
    of it reaches the site root on either engine.
    """
    if getattr(page, "file", None) is not None:  # MkDocs
        return page.url
    folder = Path(page.path).parent.as_posix()  # Zensical
    return "" if folder == "." else folder + "/"


def front_matter_lines(source: str) -> int:
    """How many lines of ``source`` come before the Markdown the macros see.

    Both engines hand the macros the page without its front matter and the
    blank lines after it; MkDocs's hook counts them from the text it is given,
    Zensical's page is counted from its file with this.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return 0
    rest = source[match.end() :]
    return source[: len(source) - len(rest.lstrip("\n"))].count("\n")


def nav(conf: Any) -> list[Any]:
    """The page tree as mkdocs.yml writes it (``[{"Title": "page.md"}, "index.md", {"Section": [...]}]``).

    MkDocs hands that shape in ``config["nav"]``; Zensical hands dicts with
    ``title``, ``url`` and ``children``, a section's index page untitled.
    """

    def plain(item: Any) -> Any:
        if not isinstance(item, dict) or "children" not in item:
            return item  # MkDocs
        if item["children"]:
            return {item["title"]: [plain(child) for child in item["children"]]}
        return item["url"] if item["title"] is None else {item["title"]: item["url"]}

    return [plain(item) for item in conf.get("nav") or []]


def fill_nav(env: Any, root: Path) -> None:
    """The Cookbook's groups in the nav list their topics (macros/topics.py), on either engine.

    MkDocs builds its nav from ``config["nav"]`` after ``define_env`` runs, so
    the groups are filled there. Zensical has read its nav before any macro
    runs, from the ``.zensical.yml`` that ``make build-zensical`` writes with
    the groups filled (``python -m macros.topics``); its config is left alone.
    """
    if not is_zensical(env):
        env.conf["nav"] = topics.fill_nav(env.conf.get("nav") or [], topics.valid(root / "examples"))


def is_zensical(env: Any) -> bool:
    """Whether ``env`` is Zensical's macros environment rather than mkdocs-macros's plugin."""
    return type(env).__module__.startswith("zensical.")


def warn(env: Any, log: logging.Logger, message: str, strict: bool) -> None:
    """Report a mistake so that a strict build fails on it, on either engine."""
    if strict and is_zensical(env):
        raise BuildError(message)
    log.warning(message)


def once(folder: Path, load: Callable[..., T], warn: Callable[[str], None] | None = None) -> T:
    """``load(folder, warn=warn)``, computed again only when a file in ``folder`` changed.

    The warnings the load gave are given to ``warn`` again on every call, as a
    fresh load would. A load that raises is not remembered.
    """
    folder = Path(folder)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))
    key = (str(folder.resolve()), load.__module__, load.__qualname__, warn is None)
    hit = _cache.get(key)
    if hit is None or hit[0] != stamp:
        said: list[str] = []
        value = load(folder, warn=None if warn is None else said.append)
        hit = _cache[key] = (stamp, value, said)
    if warn is not None:  # said is empty when warn is None
        for message in hit[2]:
            warn(message)
    return hit[1]

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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

try:  # MkDocs
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # Zensical: any exception stops the build with its message.
    class BuildError(Exception):  # type: ignore[no-redef]
        """Stops the build; the message says what to fix."""


T = TypeVar("T")
_cache: dict[Any, tuple[tuple, Any]] = {}


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


def once(folder: Path, load: Callable[[Path], T]) -> T:
    """``load(folder)``, computed again only when a file in ``folder`` changed since the last call."""
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                         for p in Path(folder).iterdir() if p.is_file()))
    key = (str(Path(folder).resolve()), load.__module__, load.__qualname__)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = load(folder)
    _cache[key] = (stamp, value)
    return value

"""When a page last changed: the newest commit touching the page, its examples or its data.

A page shows "Last changed" beside the versions its code was tested on. The
date is the committer date of the newest commit that touched any of:

- the page's own Markdown (``docs/cookbook/routing.md``);
- its example folder, ``examples/<topic>/``, where ``<topic>`` is the page's
  file name (one name per topic);
- the data files its macro calls read (:data:`DATA_OF`: ``fact(...)`` reads
  ``data/features.yml`` and ``data/frameworks.yml``, ``speed_table(...)``
  ``data/measured.yml``, and so on).

Commit dates, not file times: a checkout sets every file's time to the
moment of the checkout, while a commit's date is the same on every clone, so
two builds of one commit print the same dates (``SOURCE_DATE_EPOCH`` builds
stay byte-identical). Without the history there is no honest date, so
:func:`last_changed` returns ``None`` and the page shows none: outside a git
repository (a copied project, an unpacked archive), when git is missing, or
in a shallow clone (its oldest commit would claim to have touched every
file). The deploy workflow fetches the whole history (``fetch-depth: 0``).

Pure but for :func:`git_date`, which runs ``git log``.
"""

from __future__ import annotations

import functools
import logging
import re
import subprocess
from pathlib import Path

# A macro call on a page, and the data files it reads.
DATA_OF = {
    "fact": ("features.yml", "frameworks.yml"),
    "feature_matrix": ("features.yml", "frameworks.yml"),
    "topic_table": ("features.yml", "frameworks.yml"),
    "at_a_glance": ("features.yml", "frameworks.yml"),
    "addon_table": ("features.yml", "frameworks.yml"),
    "cli_table": ("cli.yml",),
    "speed_table": ("measured.yml",),
    "speed_chart": ("measured.yml",),
    "figure": ("measured.yml",),
    "compare": ("measured.yml",),
    "benchmark_setup": ("measured.yml",),
    "decision_form": ("decision.yml", "measured.yml"),
    "decision_rules": ("decision.yml", "measured.yml"),
    "example": ("frameworks.yml",),
    "run_it": ("frameworks.yml",),
}
_CALL = re.compile(r"\{\{-?\s*(\w+)\s*\(")


def sources(src_uri: str, markdown: str, root: Path) -> list[str]:
    """The paths (relative to ``root``) whose commits date the page ``docs/<src_uri>``."""
    paths = [f"docs/{src_uri}"]
    topic = Path(src_uri).stem
    if topic != "index" and (root / "examples" / topic).is_dir():
        paths.append(f"examples/{topic}")
    data = {name for call in _CALL.findall(markdown) for name in DATA_OF.get(call, ())}
    paths += [f"data/{name}" for name in sorted(data)]
    return paths


@functools.cache
def _history(root: Path) -> bool:
    """Whether ``root`` is in a git work tree with its whole history."""
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree", "--is-shallow-repository"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        proc = None
    if proc is not None and proc.returncode == 0 and proc.stdout.split() == ["true", "false"]:
        return True
    # An INFO line, not a warning: a copied project or a preview build is fine without dates.
    logging.getLogger("mkdocs.plugins.guide").info(
        "%s: no whole git history (not a git work tree, git missing, or a shallow clone), so pages show "
        "no 'Last changed' date; `git fetch --unshallow` or a full clone brings them back",
        root,
    )
    return False


@functools.cache
def git_date(root: Path, paths: tuple[str, ...]) -> str | None:
    """The committer date (YYYY-MM-DD, UTC) of the newest commit touching ``paths``, or None."""
    if not _history(root):
        return None
    proc = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", *paths], cwd=root, capture_output=True, text=True, timeout=60
    )
    stamp = proc.stdout.strip()
    if proc.returncode != 0 or not stamp:
        return None
    import datetime

    return datetime.datetime.fromtimestamp(int(stamp), datetime.UTC).date().isoformat()


def last_changed(root: Path, src_uri: str, markdown: str) -> str | None:
    """The date page ``docs/<src_uri>`` last changed, or None when the history is not there."""
    return git_date(root, tuple(sources(src_uri, markdown, root)))

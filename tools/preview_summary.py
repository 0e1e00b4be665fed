"""Describe a run's preview for the run's summary page: which pages changed, how to open them.

    .venv/bin/python tools/preview_summary.py --site site-offline [--base REV] >> "$GITHUB_STEP_SUMMARY"

checks.yml runs this after uploading the offline edition (`make offline`) as
the `site-preview` artifact. It prints Markdown: how to open the preview
(unzip, double-click index.html) and a table of the pages the change touches,
each with the file to open in the unzipped folder. The change is
`git diff BASE HEAD`: in a pull request's run HEAD is GitHub's merge commit,
so HEAD^1 (the default base) is the branch it merges into and the diff is
exactly the pull request.

A page counts as changed when its Markdown changed (docs/<path>.md), or when
an example it shows changed (examples/<topic>/ is shown on
docs/cookbook/<topic>.md, the project's one-name-per-topic rule). Changes
to what every page is built from (docs/assets/, data/, macros/, overrides/,
includes/, mkdocs.yml) are listed as such. Reads ARTIFACT_URL (the artifact's download
address) and GITHUB_EVENT_NAME from the environment when they are set.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
ARTIFACT = "site-preview"
# Paths whose change can alter every page, and what to call them.
SITE_WIDE = {
    "docs/assets/": "styles, scripts or images",
    "data/": "comparison data",
    "macros/": "macros",
    "overrides/": "theme overrides",
    "includes/": "text added to every page",
    "mkdocs.yml": "site configuration",
}
STATUS = {"A": "added", "M": "changed", "D": "removed"}


@dataclass(frozen=True)
class Page:
    source: str  # docs/cookbook/hello.md
    file: str  # cookbook/hello.html, in the offline edition
    title: str
    status: str  # added, changed, removed, or "example changed"


def has_commit(rev: str, cwd: Path | None = None) -> bool:
    """Whether `rev` names a commit here (a repository's first commit has no HEAD^1)."""
    proc = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
    )
    return proc.returncode == 0


def changed_files(base: str, head: str = "HEAD", cwd: Path | None = None) -> list[tuple[str, str]]:
    """(status letter, path) for every file that differs between base and head; renames count as remove + add."""
    proc = subprocess.run(
        ["git", "diff", "--name-status", "--no-renames", base, head], cwd=cwd or ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"error: git diff {base} {head} failed: {proc.stderr.strip()}")
    changes = []
    for line in proc.stdout.splitlines():
        status, _, path = line.partition("\t")
        changes.append((status[:1], path))
    return changes


def page_file(source: str) -> str:
    """docs/cookbook/hello.md -> cookbook/hello.html (the offline edition has no directory URLs)."""
    return PurePosixPath(source).relative_to("docs").with_suffix(".html").as_posix()


def title_of(site: Path, file: str) -> str | None:
    """The page's title from its <title>, without the site name after it; None when the page was not built."""
    path = site / file
    if not path.is_file():
        return None
    found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
    if not found:
        return file
    return html.unescape(found.group(1)).split(" - ")[0].strip()


def changed_pages(
    changes: list[tuple[str, str]], site: Path, docs: Path = ROOT / "docs"
) -> tuple[list[Page], list[str]]:
    """The pages a change touches, and the site-wide parts it touches."""
    pages: dict[str, Page] = {}
    site_wide: list[str] = []
    for status, path in changes:
        if path.startswith("docs/") and path.endswith(".md"):
            file = page_file(path)
            title = title_of(site, file)
            if status == "D":
                pages[path] = Page(path, file, PurePosixPath(path).stem, "removed")
            elif title is not None:  # a .md under docs/ that is no page (a snippet) is skipped
                pages[path] = Page(path, file, title, STATUS.get(status, "changed"))
            continue
        topic = re.match(r"examples/([^/]+)/", path)
        if topic:
            source = f"docs/cookbook/{topic.group(1)}.md"
            if source not in pages and (docs.parent / source).is_file():
                file = page_file(source)
                title = title_of(site, file)
                if title is not None:
                    pages[source] = Page(source, file, title, "example changed")
            continue
        for prefix, what in SITE_WIDE.items():
            if path == prefix or path.startswith(prefix):
                if what not in site_wide:
                    site_wide.append(what)
    return sorted(pages.values(), key=lambda p: p.file), site_wide


def render(pages: list[Page] | None, site_wide: list[str], artifact_url: str = "", event: str = "") -> str:
    """The summary's Markdown; `pages` is None when there was nothing to compare with."""
    what = "this pull request" if event.startswith("pull_request") else "this commit"
    artifact = f"[{ARTIFACT}]({artifact_url})" if artifact_url else f"**{ARTIFACT}** (under Artifacts, below)"
    lines = [
        "## Preview: the offline edition",
        "",
        f"1. Download {artifact} and unzip it.",
        "2. Double-click `index.html`, or the file named below for a page. Pages, search and the",
        "   Flask/Django tabs work from the file system: no server, nothing fetched from the network.",
        "",
    ]
    if pages is None:
        lines += ["No earlier commit to compare with: every page is new.", ""]
    elif pages:
        lines += [f"### Pages {what} changes", "", "| Page | Open | Change |", "| --- | --- | --- |"]
        for page in pages:
            opened = "(gone)" if page.status == "removed" else f"`{page.file}`"
            title = page.title.replace("|", "\\|")
            lines.append(f"| {title} | {opened} | {page.status} (`{page.source}`) |")
        lines.append("")
    else:
        lines += [f"No page's Markdown or example changed in {what}.", ""]
    if site_wide:
        lines += [f"Also changed, and may show on any page: {', '.join(site_wide)}.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the offline edition's folder (make offline)")
    parser.add_argument("--base", default="HEAD^1", help="compare HEAD with this revision (default: HEAD^1)")
    args = parser.parse_args(argv)
    if has_commit(args.base):
        pages, site_wide = changed_pages(changed_files(args.base), args.site)
    else:
        pages, site_wide = None, []
    print(render(pages, site_wide, os.environ.get("ARTIFACT_URL", ""), os.environ.get("GITHUB_EVENT_NAME", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

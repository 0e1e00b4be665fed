"""When each page last changed (macros/dates.py), and its link previews.

The date under a page is the committer date of the newest commit touching the
page, its examples/<topic>/ folder or the data it shows; a build without the
whole history (a copied project, a shallow clone) shows none and still builds.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT, SUBPATH, build_site, copy_project
from tests.html_tables import start_tags
from tests.site.test_assistants import front_description, html_of, nav_sources

DATE = re.compile(r'Last changed <time datetime="(\d{4}-\d\d-\d\d)">\1</time>')


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def shown_date(site: Path, src: str) -> str | None:
    match = DATE.search(html_of(site, src).read_text(encoding="utf-8"))
    return match.group(1) if match else None


def full_history(repo: Path) -> bool:
    proc = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=repo, capture_output=True, text=True)
    return proc.returncode == 0 and proc.stdout.strip() == "false"


def test_a_pages_date_follows_its_example_files_commit(tmp_path):
    # A throwaway repository: every file committed on one day, then one example
    # folder's files committed again, unchanged in content, on a later day.
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "reset", "-q", "--", "examples/routing")
    git(project, "commit", "-q", "-m", "all but routing's examples", date="2020-01-02T12:00:00Z")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "routing's examples", date="2024-05-06T12:00:00Z")
    build = build_site(project, tmp_path / "site", SITE_URL=f"http://127.0.0.1{SUBPATH}")
    assert build.returncode == 0, build.output
    assert shown_date(build.site, "cookbook/routing.md") == "2024-05-06"
    assert shown_date(build.site, "cookbook/hello.md") == "2020-01-02"
    # The Markdown copy carries the same date.
    assert "Last changed 2024-05-06" in html_of(build.site, "cookbook/routing.md").with_suffix(".md").read_text()


def test_every_page_shows_the_date_its_sources_last_changed_or_none_without_history(built_site):
    # The Zensical fixture builds a copy outside git: every page then shows no date.
    history = built_site.engine == "mkdocs" and full_history(ROOT)
    head = git(ROOT, "log", "-1", "--format=%cs") if history else None
    for _, src in nav_sources():
        date = shown_date(built_site.site, src)
        if not history:
            assert date is None, f"{src}: a date ({date}) from a build without the whole git history"
            continue
        # A page's date is never older than its own Markdown's last commit, nor newer than HEAD.
        own = git(ROOT, "log", "-1", "--format=%cs", "--", f"docs/{src}").strip()
        assert date is not None, f"{src}: no 'Last changed' date"
        assert own <= date <= head.strip(), f"{src}: shows {date}; its Markdown last changed {own}, HEAD is {head}"


def test_every_page_with_code_names_the_versions_it_was_tested_on_beside_its_date(built_site):
    for _, src in nav_sources():
        html = html_of(built_site.site, src).read_text(encoding="utf-8")
        facts = re.search(r'<aside class="md-source-file page-facts">(.*?)</aside>', html, re.S)
        if 'class="filename"' in html:
            assert facts and re.search(r"Code tested on Flask [\d.]+ and Django [\d.]+", facts.group(1)), src


def test_deploy_fetches_the_history_the_dates_need():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    checkout = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"].get("fetch-depth") == 0, "deploy.yml's checkout must fetch the whole history"


def meta_of(html: str) -> dict[str, list[str]]:
    """The content of each <meta> in the head, by its property or name."""
    meta: dict[str, list[str]] = {}
    for tag in start_tags(html.split("</head>", 1)[0], "meta"):
        if key := tag.get("property") or tag.get("name"):
            meta.setdefault(key, []).append(tag.get("content") or "")
    return meta


def test_every_page_has_link_preview_tags(built_site):
    for _, src in nav_sources():
        meta = meta_of(html_of(built_site.site, src).read_text(encoding="utf-8"))
        path = src.removesuffix(".md").removesuffix("index")
        url = f"http://127.0.0.1{SUBPATH}{path}{'/' if path and not path.endswith('/') else ''}"
        description = front_description(src)
        assert meta.get("og:site_name") == ["Web Development Using Python"], src
        assert meta.get("og:url") == [url], f"{src}: og:url {meta.get('og:url')} is not {url}"
        assert meta.get("og:description") == meta.get("twitter:description") == [description], src
        assert len(meta.get("description", [""])[0]) >= 20, src
        assert meta.get("og:title") == meta.get("twitter:title") and meta["og:title"][0], src
        assert meta.get("twitter:card") == ["summary"], src

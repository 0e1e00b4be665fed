"""One source, two engines: MkDocs + Material and Zensical build the same guide (issue 12).

The first tests read both builds side by side: the same pages, and on each
page the same text, tab sets, tables and search entries. The theme around the
page (header, search box, "Table of contents" or "On this page") is each
engine's own and is left out: what is compared is what the page says.

The last tests stand in for the checks MkDocs makes and Zensical 0.0.73 does
not (it validates only links to missing pages and anchors): absolute links,
links that name a folder or no file, and a page highlighted in the nav. Those
read the source, or each build in turn, so both engines are held to them.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import ROOT, SUBPATH, build_zensical, copy_project, search_index
from tests.github.test_offline_edition import script_problems
from tests.html_tables import article, squash, start_tags, tab_sets, tables
from tests.site.test_assistants import nav_sources

DOCS = ROOT / "docs"


def article_text(page: Path) -> str:
    """The text inside <article>, scripts left out, and the aside under the page, which holds its
    "Last changed" date from git history (macros/dates.py): the Zensical fixture builds a copy outside git."""
    body = article(page.read_text(encoding="utf-8")).split(">", 1)[1]
    body = re.sub(r"<(script|style|aside)\b.*?</\1>", "", body, flags=re.S)
    return squash(unescape(re.sub(r"<[^>]+>", "", body)))


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def where_they_differ(a: str, b: str, width: int = 60) -> str:
    """The first difference between two texts, with a little context on each side."""
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            mkdocs, zensical = a[max(0, i1 - width) : i2 + width], b[max(0, j1 - width) : j2 + width]
            return f"MkDocs: ...{mkdocs!r}...\n  Zensical: ...{zensical!r}..."
    return ""


def test_both_engines_build_the_same_pages(mkdocs_site, zensical_site):
    pages = html_pages(mkdocs_site.site)
    assert html_pages(zensical_site.site) == pages
    assert sum(p.endswith("index.html") for p in pages) >= 33
    locs = [
        re.findall(r"<loc>([^<]+)</loc>", (site.site / "sitemap.xml").read_text(encoding="utf-8"))
        for site in (mkdocs_site, zensical_site)
    ]
    assert sorted(locs[1]) == sorted(locs[0])


def test_every_page_says_the_same_on_both(mkdocs_site, zensical_site):
    differ = []
    for rel in html_pages(mkdocs_site.site):
        a, b = article_text(mkdocs_site.site / rel), article_text(zensical_site.site / rel)
        if a != b:
            differ.append(f"{rel}:\n  {where_they_differ(a, b)}")
    assert differ == [], "\n".join(differ)


def test_tab_sets_and_tables_are_the_same_on_both(mkdocs_site, zensical_site):
    differ, sets, cells = [], 0, 0
    for rel in html_pages(mkdocs_site.site):
        a, b = ((site.site / rel).read_text(encoding="utf-8") for site in (mkdocs_site, zensical_site))
        tabs_a, tabs_b = tab_sets(a), tab_sets(b)
        if tabs_a != tabs_b:
            differ.append(f"{rel}: tab sets differ: {[t['labels'] for t in tabs_a]} / {[t['labels'] for t in tabs_b]}")
        tables_a, tables_b = tables(a), tables(b)
        if tables_a != tables_b:
            differ.append(f"{rel}: tables differ")
        sets += len(tabs_a)
        cells += sum(len(row) for table in tables_a for row in table)
    assert sets > 50 and cells > 200, "too few tab sets or cells: are the parsers still right?"
    assert differ == [], "\n".join(differ)


def test_search_finds_the_same_sections_on_both(mkdocs_site, zensical_site):
    # Zensical indexes what Material's data-search-exclude leaves out: a tab set's labels
    # (macros/__init__.py on_post_page_macros), which macros/search.py then drops from
    # both indexes. The labels aside, the text is the same.
    def text(entry: dict) -> str:
        return squash(
            re.sub(r"<[^>]+>", " ", re.sub(r"<span data-search-exclude>.*?</span>|Flask\s*Django", " ", entry["text"]))
        )

    entries = [
        [(e["location"], e["title"], text(e)) for e in search_index(site)] for site in (mkdocs_site, zensical_site)
    ]
    assert len(entries[0]) > 100
    assert entries[1] == entries[0]


# What MkDocs validates and Zensical does not --------------------------------


def test_no_page_links_from_the_server_root(built_site):
    """A link from the server's root (`/cookbook/x/`) breaks under the Pages sub-path and in the
    offline edition. MkDocs warns on one written in a page (validation.absolute_links); Zensical
    does not. Only 404.html may: a server shows it at any depth."""
    rooted, seen = [], 0
    for rel in html_pages(built_site.site):
        if rel == "404.html":
            continue
        tags = start_tags((built_site.site / rel).read_text(encoding="utf-8"))
        urls = [value for tag in tags for key, value in tag.items() if key in ("href", "src") and value]
        seen += len(urls)
        rooted += [f"{rel}: {url}" for url in urls if url.startswith("/") and not url.startswith("//")]
    assert seen > 1000
    assert rooted == []


FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(
    r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M
)


def link_problems(page: Path, docs: Path = DOCS) -> list[str]:
    """What MkDocs's validation says of the links written in one page, in its words."""
    text = INLINE_CODE.sub("", FENCE.sub("", page.read_text(encoding="utf-8")))
    where = f"docs/{page.relative_to(docs).as_posix()}"
    problems = []
    for match in LINK.finditer(text):
        target = match.group(1) or match.group(2)
        if "{{" in target or urlsplit(target).scheme or target.startswith("#"):
            continue  # a macro's address, a URL, or an anchor on the same page
        path = unquote(urlsplit(target).path)
        resolved = (page.parent / path).resolve()
        if target.startswith("/"):
            problems.append(f"{where}: absolute link {target!r}; link the page's .md file, relative to this page")
        elif not resolved.is_relative_to(docs.resolve()) or not resolved.exists():
            problems.append(f"{where}: {target!r} is not a file in docs/")
        elif resolved.is_dir():
            problems.append(f"{where}: {target!r} names a folder; link its .md file (e.g. {path.rstrip('/')}/index.md)")
    return problems


def test_every_link_written_in_a_page_names_a_file_in_docs():
    """MkDocs's absolute_links, unrecognized_links and not_found, for both engines."""
    pages = sorted(DOCS.rglob("*.md"))
    assert len(pages) > 30
    assert [p for page in pages for p in link_problems(page)] == []


def test_the_link_check_catches_what_zensical_lets_through(tmp_path):
    docs = tmp_path / "docs"
    (docs / "cookbook").mkdir(parents=True)
    (docs / "cookbook" / "routing.md").write_text("# Routing\n", encoding="utf-8")
    page = docs / "cookbook" / "hello.md"
    page.write_text(
        "See [a](/cookbook/routing/), [b](../cookbook/), [c](routing), [d](routing.md#x),\n"
        "[e](https://example.org/), `[f](/in/code/)` and [g][ref].\n\n[ref]: nowhere.md\n",
        encoding="utf-8",
    )
    found = link_problems(page, docs)
    assert [p.split(": ", 1)[1].split(";")[0] for p in found] == [
        "absolute link '/cookbook/routing/'",
        "'../cookbook/' names a folder",
        "'routing' is not a file in docs/",
        "'nowhere.md' is not a file in docs/",
    ]


def test_the_nav_highlights_the_page_itself(built_site):
    """Material's nav-item.html compared nav items with `==`, never true on Zensical: no page was highlighted."""
    wrong = []
    for rel in html_pages(built_site.site):
        if not rel.endswith("index.html"):
            continue
        links = start_tags((built_site.site / rel).read_text(encoding="utf-8"), "a")
        active = [a.get("href", "") for a in links if "md-nav__link--active" in a.get("class", "").split()]
        here = urljoin(SUBPATH, rel.removesuffix("index.html"))
        targets = {urlsplit(urljoin(SUBPATH + rel, href)).path.removesuffix("index.html") for href in active}
        if targets != {here}:
            wrong.append(f"{rel}: highlighted {sorted(targets) or 'nothing'}")
    assert wrong == []


def test_make_build_zensical_builds_into_its_own_folder(tmp_path):
    """What a contributor runs: the Makefile target, in a copy of the repository (sharing .venv-zensical)."""
    repo = copy_project(tmp_path / "repo")
    for name in ("Makefile", "requirements-zensical.txt", ".gitignore"):
        shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(ROOT / "tools", repo / "tools", ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    (repo / ".venv-zensical").symlink_to(ROOT / ".venv-zensical")
    proc = subprocess.run(
        ["make", "--no-print-directory", "build-zensical"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (repo / "site-zensical" / "cookbook" / "hello" / "index.html").is_file()
    assert not (repo / "site").exists(), "Zensical wrote into MkDocs's folder"
    # Its cache sits beside mkdocs.yml; git shows neither it nor the output as new files.
    assert (repo / ".cache").is_dir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=normal"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert [line for line in status if "cache" in line or "site-zensical" in line] == []


def test_zensical_builds_the_offline_edition_too(tmp_path):
    """The offline edition's switches (mkdocs.yml's offline plugin, the vendored shim that
    overrides/main.html loads only then, the footer's note) work on Zensical, so the edition
    can move with the site: files, not folders, search from an inlined index, and the Markdown copies."""
    result = build_zensical(copy_project(tmp_path / "project"), OFFLINE_EDITION="true")
    assert result.returncode == 0, result.output
    site = result.site
    assert (site / "search.js").read_text(encoding="utf-8").startswith("var __index = ")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30 and not (site / "cookbook" / "hello" / "index.html").exists()
    assert script_problems(site) == []
    noted = [p for p in pages if p.name != "404.html" and "Offline edition: pages and search" in p.read_text("utf-8")]
    assert len(noted) == len(pages) - 1, "a page without the footer's note"
    hello = (site / "cookbook" / "hello.html").read_text(encoding="utf-8")
    assert 'href="./routing.html"' in hello or 'href="routing.html"' in hello
    # `python -m macros.llms` (tools/bench.py's zensical_run) finds from the files that the
    # edition has no directory URLs, as MkDocs's tells its hook: each copy sits beside its page.
    for _, src in nav_sources():
        assert (site / src).is_file() and (site / f"{src}.js").is_file(), src
    assert "/hello.md)" in (site / "llms.txt").read_text(encoding="utf-8")


def test_ci_and_the_local_checks_install_and_test_both_engines():
    """CI runs `make test` on every pull request (tests/github/test_workflows.py); here: `make test`
    installs Zensical from its pins before the tests that build with it. (`make check`, the fast
    loop, builds once with MkDocs; its tests that build with Zensical are `slow`.)"""
    for target in ("test",):
        # -W: as if requirements-zensical.txt had just changed; -n: print what would run, run nothing.
        proc = subprocess.run(
            ["make", "--no-print-directory", "-n", "-W", "requirements-zensical.txt", target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        install = [i for i, line in enumerate(lines) if "-r requirements-zensical.txt" in line]
        pytest_runs = [i for i, line in enumerate(lines) if "/pytest " in line]
        assert install and pytest_runs and install[0] < pytest_runs[0], f"make {target}:\n{proc.stdout}"


def _desc(p: Path) -> int:
    page = p / "docs/cookbook/hello.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "descripton:", 1), encoding="utf-8")
    return 2


def _unknown_topic(p: Path) -> int:
    page = p / "docs/cookbook/testing.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n{{ topic_table("no_such_topic") }}\n', encoding="utf-8")
    return text.count("\n") + 2


def _unlisted(p: Path) -> int:
    page = p / "docs/choosing/index.md"
    left = page.read_text(encoding="utf-8").replace("[Tooling](tooling.md)", "Tooling")
    page.write_text(left, encoding="utf-8")
    return max(n for n, line in enumerate(left.splitlines(), 1) if "](" in line)


@pytest.mark.parametrize(
    ("edit", "rel", "message"),
    [
        (_desc, "docs/cookbook/hello.md", "`descripton:` is not a front matter key"),
        (_unknown_topic, "docs/cookbook/testing.md", "topic_table(\"no_such_topic\"): unknown topic 'no_such_topic'"),
        (_unlisted, "docs/choosing/index.md", "the list of pages has no link to tooling.md"),
    ],
    ids=["front-matter", "macro-argument", "index-list"],
)
def test_a_page_mistake_stops_zensicals_strict_build_naming_file_and_line(zensical_site, tmp_path, edit, rel, message):
    """Zensical calls no on_pre_page_macros and counts no Python warnings: define_env runs the page's own
    checks and a strict build stops on the first mistake, with the line MkDocs would give (macros/engine.py)."""
    project = copy_project(tmp_path / "project")
    line = edit(project)
    result = build_zensical(project)
    assert result.returncode != 0, result.output
    assert f"BuildError: {rel}, line {line}: {message}" in result.output, result.output[-3000:]

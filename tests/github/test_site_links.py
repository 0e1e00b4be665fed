"""The built site, served under a sub-path as GitHub Pages serves it, has no broken link.

lychee checks every link and anchor offline in a copy of the site placed at
<tmp>/python-web-guide/, so an absolute link such as /python-web-guide/x/
resolves through --root-dir exactly as it would on https://OWNER.github.io/.
Edit links and fork builds are checked here too: they are what makes the
deploy workflow fork-proof.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.conftest import BIN, ROOT, SUBPATH, build_site, build_zensical, copy_project
from tools import offline

DOCS = ROOT / "docs"
# What built_site uses: mkdocs.yml's defaults for the repository.
EDIT_PREFIX = "https://github.com/python-web-guide/python-web-guide/edit/main/docs/"
EDIT_LINK = re.compile(r'<a\b[^>]*\brel="edit"[^>]*>')
HREF = re.compile(r'\bhref="([^"]*)"')
SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def serve_copy(site: Path, root: Path) -> Path:
    """Copy a built site to <root>/<sub-path>/, as GitHub Pages would serve it.

    The deploy workflow adds the offline edition's zip beside the pages (every
    footer links it); a stand-in takes its place here.
    tests/github/test_offline_edition.py checks the deploy writes it there.
    """
    dest = root / SUBPATH.strip("/")
    shutil.copytree(site, dest)
    (dest / offline.ZIP_NAME).write_bytes(b"stand-in for the offline edition's zip")
    return dest


def lychee(root: Path) -> tuple[int, dict, str]:
    site_url = f"http://127.0.0.1{SUBPATH}"
    proc = subprocess.run(
        [
            BIN / "lychee",
            "--offline",
            "--no-progress",
            "--include-fragments",
            # A link to a folder must find an index.html in it, as on Pages.
            "--index-files",
            "index.html",
            "--root-dir",
            root,
            # Canonical and og:url addresses are this site's own pages: check them as files.
            "--remap",
            f"^{re.escape(site_url)}(.*)$ file://{root}{SUBPATH}$1",
            "--format",
            "json",
            # The pages, their Markdown copies and llms.txt (macros/llms.py).
            f"{root}{SUBPATH}**/*.html",
            f"{root}{SUBPATH}**/*.md",
            f"{root}{SUBPATH}llms.txt",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = {}
    return proc.returncode, report, proc.stdout + proc.stderr


def describe(report: dict, output: str) -> str:
    errors = report.get("error_map") or {}
    if not errors:
        return output
    lines = []
    for page, failures in sorted(errors.items()):
        for f in failures:
            lines.append(f"{page}:{f['span']['line']}: {f['url']}  ({f['status']['text']})")
    return "\n".join(lines)


def test_no_broken_internal_link_or_anchor(built_site, tmp_path):
    served = serve_copy(built_site.site, tmp_path)
    assert (served / "404.html").is_file()
    code, report, output = lychee(tmp_path)
    assert code == 0, f"lychee found broken links:\n{describe(report, output)}"
    assert report["errors"] == 0
    # It really looked: hundreds of links, anchors among them, and the 404 page.
    assert report["successful"] > 100, output
    assert report["remaps"] > 0, output


def test_the_link_check_fails_on_a_broken_link(mkdocs_site, tmp_path):  # checks the checker: one engine is enough
    served = serve_copy(mkdocs_site.site, tmp_path)
    page = served / "cookbook" / "hello" / "index.html"
    broken = f'<a href="{SUBPATH}cookbook/no-such-page/">gone</a><a href="../index.html#no-such-anchor">lost</a>'
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", broken + "</article>", 1), encoding="utf-8")
    copy = page.with_suffix(".md")
    copy.write_text(copy.read_text(encoding="utf-8") + "\n[gone](../no-such-copy.md)\n", encoding="utf-8")
    code, report, output = lychee(tmp_path)
    assert code != 0, output
    failed = {f["url"] for fails in report["error_map"].values() for f in fails}
    assert any("no-such-page" in url for url in failed), output
    assert any(url.endswith("#no-such-anchor") for url in failed), output
    assert any("no-such-copy.md" in url for url in failed), output


def test_every_script_the_pages_load_exists(built_site):
    # lychee does not follow <script src>; a missing bundle would break search and tabs.
    for page in built_site.site.rglob("*.html"):
        for src in SCRIPT_SRC.findall(page.read_text(encoding="utf-8")):
            if urlsplit(src).scheme:
                continue
            url = urljoin(f"{SUBPATH}{page.relative_to(built_site.site).as_posix()}", src)
            target = built_site.site / urlsplit(url).path.removeprefix(SUBPATH)
            assert target.is_file(), f"{page.relative_to(built_site.site)}: {src}"


def source_of(page: Path, site: Path) -> str:
    """The docs/ file that produced a built page: x/index.html -> x.md or x/index.md."""
    rel = page.relative_to(site).parent.as_posix()
    if rel == ".":
        candidates = ["index.md"]
    else:
        candidates = [f"{rel}.md", f"{rel}/index.md"]
    found = [c for c in candidates if (DOCS / c).is_file()]
    assert len(found) == 1, f"{page.relative_to(site)}: expected one of {candidates} in docs/, found {found}"
    return found[0]


def test_every_edit_link_opens_the_page_source(built_site):
    pages = [p for p in built_site.site.rglob("index.html")]
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = EDIT_LINK.findall(html)
        assert len(links) == 1, f"{page.relative_to(built_site.site)} has {len(links)} edit links"
        href = HREF.search(links[0]).group(1)
        src = source_of(page, built_site.site)
        assert href == EDIT_PREFIX + src, f"{page.relative_to(built_site.site)}: {href}"


def test_a_fork_gets_its_own_addresses(built_site, tmp_path):  # per engine; skips if the site does not build
    fork = {
        "SITE_URL": "https://someone.github.io/fork-name/",
        "REPO_URL": "https://github.com/someone/fork-name",
        "REPO_NAME": "someone/fork-name",
        "EDIT_URI": "edit/trunk/docs/",
    }
    if built_site.engine == "zensical":
        result = build_zensical(copy_project(tmp_path / "project"), **fork)
    else:
        result = build_site(ROOT, tmp_path / "site", **fork)
    assert result.returncode == 0, result.output
    html = (result.site / "cookbook" / "hello" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://someone.github.io/fork-name/cookbook/hello/">' in html
    assert re.search(r'<a href="https://github.com/someone/fork-name" title="[^"]*" class="md-source"', html)
    (edit,) = EDIT_LINK.findall(html)
    assert HREF.search(edit).group(1) == "https://github.com/someone/fork-name/edit/trunk/docs/cookbook/hello.md"
    assert "someone/fork-name" in html  # the repository's name in the header
    # Code-block titles and the Run it's folder link open the fork's own files, on its branch.
    # MkDocs's page (Material's privacy plugin) writes the title's link with double quotes; Zensical keeps
    # the single quotes macros/examples.py wrote.
    assert re.search(
        r"""<a href=(["'])https://github.com/someone/fork-name/blob/trunk/examples/hello/flask_app.py\1""", html
    )
    assert 'href="https://github.com/someone/fork-name/tree/trunk/examples/hello"' in html
    missing = (result.site / "404.html").read_text(encoding="utf-8")
    assert 'href="/fork-name/"' in missing
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://someone.github.io/fork-name/</loc>" in sitemap
    # Nothing still points at the original repository or its address.
    leftovers = [
        str(p.relative_to(result.site))
        for p in result.site.rglob("*")
        if p.suffix in {".html", ".xml"} and "python-web-guide/python-web-guide" in p.read_text(encoding="utf-8")
    ]
    assert leftovers == [], "these pages still name the original repository; link with relative .md links instead"

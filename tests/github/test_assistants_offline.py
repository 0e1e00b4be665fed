"""llms.txt and the Markdown copies in the offline zip, and no broken link in any of them.

The published site's copies are checked by lychee as GitHub Pages serves them
(under the sub-path); the offline edition's as a reader unzips them. The
"Copy page" button from file:// is checked in the browser here too.
"""

from __future__ import annotations

import re
import subprocess
import time
import zipfile

import pytest

from tests.conftest import BIN, SUBPATH
from tests.github.test_offline_edition import DESKTOP, browser, reader  # noqa: F401 - fixtures
from tests.github.test_site_links import serve_copy
from tests.site.test_assistants import nav_sources
from tools import offline


def copies(site) -> list:
    """The offline edition's Markdown copy of every nav page (no directory URLs: routing.md beside routing.html)."""
    return [site / src for _, src in nav_sources()]


def test_the_zip_carries_llms_txt_and_every_pages_copy_and_its_script(offline_edition):
    with zipfile.ZipFile(offline_edition.zip) as zf:
        names = set(zf.namelist())
    wanted = {f"{offline.NAME}/llms.txt", f"{offline.NAME}/llms-full.txt"}
    for _, src in nav_sources():
        wanted |= {f"{offline.NAME}/{src}", f"{offline.NAME}/{src}.js"}
    assert sorted(wanted - names) == []
    for md in copies(offline_edition.site):
        # The script twin hands the Copy button the same text, from file:// where fetch() cannot.
        script = md.with_name(md.name + ".js").read_text(encoding="utf-8")
        assert (
            script.startswith("window.copyPageMarkdown(")
            and md.read_text(encoding="utf-8")[:60].replace("\n", "\\n") in script
        ), md


def run_lychee(root, inputs, *extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "lychee", "--offline", "--no-progress", "--include-fragments", "--root-dir", root, *extra, *inputs],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_no_broken_link_in_the_published_copies_or_llms_txt(built_site, tmp_path):
    served = serve_copy(built_site.site, tmp_path)
    site_url = f"http://127.0.0.1{SUBPATH}"
    proc = run_lychee(
        tmp_path,
        [f"{served}/**/*.md", f"{served}/llms.txt"],
        "--index-files",
        "index.html",
        "--remap",
        f"^{re.escape(site_url)}(.*)$ file://{tmp_path}{SUBPATH}$1",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_broken_link_in_the_offline_editions_copies(offline_edition):
    proc = run_lychee(offline_edition.site, [f"{offline_edition.site}/**/*.md"])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def clipboard_after(page, expected: str, seconds: float = 10) -> str:
    """The clipboard's text once it equals ``expected``, or as it is after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        text = page.evaluate("() => navigator.clipboard.readText()")
        if text == expected or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(100)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_copy_page_works_from_the_unzipped_folder(reader, offline_edition, scheme):  # noqa: F811
    open_page, _ = reader
    page = open_page("cookbook/hello.html")
    page.emulate_media(color_scheme=scheme)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy page as Markdown").click()
    expected = (offline_edition.site / "cookbook" / "hello.md").read_text(encoding="utf-8")
    assert clipboard_after(page, expected) == expected

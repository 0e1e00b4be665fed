"""llms.txt and the Markdown copies in the offline zip, and the "Copy page" button from file://.

Their links are checked by lychee with the pages': the published site's as GitHub
Pages serves them (tests/github/test_site_links.py), the offline edition's as a
reader unzips them (tests/github/test_offline_edition.py).
"""

from __future__ import annotations

import zipfile

import pytest

from tests.browser.conftest import clipboard_after
from tests.github.test_offline_edition import DESKTOP, browser, reader  # noqa: F401 - fixtures
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

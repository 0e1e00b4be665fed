"""A value changed in the data changes every place it shows; pages never retype it.

Measured figures typed into a page: tests/site/test_speed_page.py.
"""

from __future__ import annotations

import re

from tests.conftest import build_site, copy_project, site_data

SITE = site_data()


def _text(site) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_changing_versions_in_the_data_changes_every_page(mkdocs_site, tmp_path):  # skips if the site does not build
    project = copy_project(tmp_path / "project")
    old = {fw.current.version for fw in SITE.frameworks.values()}
    old |= {fw.lts.version for fw in SITE.frameworks.values() if fw.lts}
    new = {v: v.rsplit(".", 1)[0] + ".987" for v in old}
    for path in (project / "data").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for before, after in new.items():
            text = re.sub(rf"(?<![\d.]){re.escape(before)}(?![\d.])", after, text)
        path.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    html = _text(result.site)
    for before, after in new.items():
        assert after in html, f"{after} (was {before}) does not show anywhere"
        stale = sorted(
            {
                str(p.relative_to(result.site))
                for p in result.site.rglob("*.html")
                if re.search(rf"(?<![\d.]){re.escape(before)}(?![\d.])", p.read_text(encoding="utf-8"))
            }
        )
        assert stale == [], f"{before} is typed into these pages instead of coming from the data"

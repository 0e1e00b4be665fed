"""Every tab set on every page, clicked label by label, shows that framework's own code.

A reader clicks "Django" and expects Django's code: the panel that opens must
be the one under the clicked label, and each code block in it must be the
text of a snippet section of a file that belongs to that framework (by the
globs in data/frameworks.yml). The expected code comes from the example files,
never from the built HTML. One browser page visits the sitemap's pages in
turn (on Zensical's build, one of each kind: tests/browser/conftest.py);
clicks switch panels without reloading.
"""

from __future__ import annotations

import pytest

from macros import data
from macros.examples import files_of, section_lines, sections_of
from tests.browser.conftest import open_folds, wait_ready
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

EXAMPLES = ROOT / "examples"
SITE = data.load(ROOT / "data")

# In the page, for every tab set whose labels include one of `names`: click each
# label in turn and record which panel is then visible, with the file title and
# code text of each code block in it. Each click is a reader's click: the label
# is scrolled into view and must be the element under its own centre (not
# covered, not clipped away) before it is clicked.
CLICK_EVERY_LABEL = """names => [...document.querySelectorAll('article .tabbed-set')].map(set => {
  const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')]
  const texts = labels.map(l => l.textContent.trim())
  if (!texts.some(t => names.includes(t))) return null
  const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')]
  return {labels: texts, clicks: labels.map(label => {
    label.scrollIntoView({block: 'center'})
    const box = label.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    if (!hit || !label.contains(hit)) return {covered: true}
    label.click()
    const shown = blocks.map((b, n) => b.checkVisibility() ? n : -1).filter(n => n >= 0)
    // A Run it's built blocks (.run-it: set-up, folder tree, lines to add) are not example sections.
    const code = shown.length !== 1 ? [] : [...blocks[shown[0]].querySelectorAll('pre > code')]
      .filter(c => !c.closest('.run-it')).map(c => {
      const title = c.closest('.highlight')?.querySelector(':scope > .filename')
      return [title ? title.textContent.trim() : null, c.textContent]
    })
    return {shown, code}
  })}
}).filter(Boolean)"""


def normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def code_by_framework() -> dict[str, dict[str, set[str]]]:
    """Framework name -> example file (as titled on the page) -> the text of each of its sections."""
    found: dict[str, dict[str, set[str]]] = {}
    for fw in SITE.frameworks.values():
        files = found.setdefault(fw.name, {})
        for topic in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
            for path in files_of(topic, fw.examples):
                names = sections_of(path)
                if names:
                    files[path.relative_to(EXAMPLES).as_posix()] = {
                        normalise("\n".join(section_lines(path, n))) for n in names
                    }
    return found


def test_every_label_of_every_tab_set_shows_its_own_frameworks_code(new_context, site_url, visited_pages):
    expected = code_by_framework()
    names = set(expected)
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    problems, clicks, blocks_seen = [], 0, 0
    for path in visited_pages:
        page.goto(site_url + path)
        wait_ready(page)
        open_folds(page)
        where = path or "(home)"
        for i, tab_set in enumerate(page.evaluate(CLICK_EVERY_LABEL, sorted(names)), start=1):
            labels = tab_set["labels"]
            for j, (label, click) in enumerate(zip(labels, tab_set["clicks"], strict=True)):
                clicks += 1
                if click.get("covered"):
                    problems.append(
                        f"{where} set {i} {labels}: label {j + 1} ({label}) cannot be clicked: "
                        "another element covers it"
                    )
                    continue
                if click["shown"] != [j]:
                    problems.append(
                        f"{where} set {i} {labels}: clicking label {j + 1} ({label}) "
                        f"shows panel(s) {[n + 1 for n in click['shown']]}"
                    )
                    continue
                own = expected.get(label, {})
                for title, code in click["code"]:
                    blocks_seen += 1
                    if title not in own:
                        problems.append(
                            f"{where} set {i} [{label}]: a code block titled {title!r} "
                            f"is not one of {label}'s example files"
                        )
                    elif normalise(code) not in own[title]:
                        problems.append(
                            f"{where} set {i} [{label}]: the code under {title} is not "
                            f"a section of that file: {normalise(code)[:80]!r}"
                        )
    assert clicks > 0 and blocks_seen > 0, "no framework tab sets or code found: is the page structure still right?"
    assert problems == []

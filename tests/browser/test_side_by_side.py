"""Side by side: on a wide screen the header's toggle shows Flask beside Django in every tab set.

A reader presses the toggle (a real button, aria-pressed) on a wide screen and
sees both frameworks at once in every tab set of every page: both panels
shown, next to each other, each a group named after its framework, with no
tab radio left in the tab order. The choice holds on every page they open
next, and across a reload. Pressed again, the tab sets are tabs. A phone
shows tabs and no toggle, whatever was chosen. (axe in either mode and
either colour scheme: test_layout.py's sweep. The toggle lives in
docs/assets/javascripts/site.js and extra.css; overrides/main.html applies
the stored choice.)
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import TOGGLE, open_folds, press_toggle, wait_ready

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

# For every tab set in the article: how many panels show, whether the shown
# ones sit side by side (same top, the second starting right of the first),
# each panel's group name and its label's text, each shown code block's
# width against its box, and how many tab radios a keyboard still reaches.
TAB_SETS = """() => [...document.querySelectorAll('article .tabbed-set')].map(set => {
  const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')]
  const shown = blocks.filter(b => b.checkVisibility())
  const boxes = shown.map(b => b.getBoundingClientRect())
  const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')].map(l => l.textContent.trim())
  return {
    labels,
    shown: shown.length,
    beside: boxes.length === 2 && Math.abs(boxes[0].top - boxes[1].top) < 2 && boxes[1].left >= boxes[0].right,
    names: blocks.map(b => b.getAttribute('role') === 'group' ? b.getAttribute('aria-label') : null),
    wide: shown.flatMap(b => [...b.querySelectorAll('pre > code')])
      .filter(c => c.scrollWidth > c.clientWidth + 1)
      .map(c => c.closest('.highlight')?.querySelector('.filename')?.textContent),
    radios: [...set.querySelectorAll(':scope > input')]
      .filter(i => i.checkVisibility() || getComputedStyle(i).display !== 'none').length,
  }
})"""


def tab_sets(page) -> list[dict]:
    return page.evaluate(TAB_SETS)


def test_the_toggle_shows_both_frameworks_at_once_in_every_tab_set_and_back(new_context, visited_pages):
    page = new_context(viewport=WIDE, color_scheme="light").new_page()
    problems: list[str] = []
    sets_seen = 0
    page.goto(visited_pages[0])
    wait_ready(page)
    for path in visited_pages:
        page.goto(path)
        wait_ready(page)
        open_folds(page)
        sets = tab_sets(page)
        toggle = page.locator(TOGGLE)
        if not sets:
            if toggle.is_visible():
                problems.append(f"{path}: the toggle shows on a page with no tab set")
            continue
        if page.locator(TOGGLE).get_attribute("aria-pressed") == "false":
            press_toggle(page, "true")
            sets = tab_sets(page)
        sets_seen += len(sets)
        for n, s in enumerate(sets, 1):
            where = f"{path or '(home)'} tab set {n} {s['labels']}"
            if s["shown"] != 2 or not s["beside"]:
                problems.append(f"{where}: side by side shows {s['shown']} panel(s), beside: {s['beside']}")
            if s["names"] != s["labels"]:
                problems.append(f"{where}: the columns are named {s['names']}")
            if s["radios"]:
                problems.append(f"{where}: {s['radios']} tab radio(s) still in the tab order")
            if s["wide"]:
                problems.append(f"{where}: code scrolls sideways in {s['wide']}")
    assert sets_seen, "no tab sets were found to check"
    # The choice is kept: after a reload, still on; turned off, every set is tabs again.
    page.reload()
    wait_ready(page)
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true"
    press_toggle(page, "false")
    for s in tab_sets(page):
        if s["shown"] != 1:
            problems.append(f"off: a tab set {s['labels']} shows {s['shown']} panels, not one tab")
    assert problems == []


def test_a_phone_shows_tabs_and_no_toggle_whatever_was_chosen(new_context, visited_pages):
    context = new_context(viewport=WIDE)
    page = context.new_page()
    for path in visited_pages:
        page.goto(path)
        wait_ready(page)
        if page.locator("article .tabbed-set").count():
            break
    press_toggle(page, "true")
    page.set_viewport_size(PHONE)
    page.reload()
    wait_ready(page)
    assert not page.locator(TOGGLE).is_visible()
    sets = tab_sets(page)
    assert sets and all(s["shown"] == 1 for s in sets), sets


def test_a_page_without_tab_sets_keeps_its_layout_side_by_side(new_context, visited_pages):
    """Side by side widens the page and folds its table of contents only where there are
    tab sets to put side by side; the glossary stays as it is."""
    page = new_context(viewport=WIDE).new_page()
    page.goto("glossary/")
    wait_ready(page)
    before = page.evaluate("() => document.querySelector('.md-main__inner').getBoundingClientRect().width")
    page.evaluate("() => __md_set('__sbs', true)")
    page.reload()
    wait_ready(page)
    assert page.evaluate("() => document.documentElement.classList.contains('sbs')")
    assert page.evaluate("() => document.querySelector('.md-main__inner').getBoundingClientRect().width") == before
    assert page.locator(".md-sidebar--secondary").is_visible()

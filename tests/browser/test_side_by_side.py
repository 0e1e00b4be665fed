"""Side by side: on a wide screen the header's toggle shows Flask beside Django in every tab set.

A reader presses the toggle (a real button, aria-pressed) on a wide screen and
sees both frameworks at once in every tab set of every page: both panels
shown, next to each other, each a group named after its framework, with no
tab radio left in the tab order. The choice holds on every page they open
next, and across a reload. Pressed again, the tab sets are tabs. A phone
shows tabs and no toggle, whatever was chosen. (Every tab set of every
page side by side, and axe in either mode and either colour scheme, are
read by test_layout.py's sweep. The toggle lives in
docs/assets/javascripts/site.js and extra.css; overrides/main.html applies
the stored choice.)
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import TOGGLE, open_folds, press_toggle, tab_sets, wait_ready
from tests.browser.test_interactions import pages_with_tabs

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def test_the_choice_holds_on_the_next_page_and_a_reload_and_pressed_again_gives_tabs(
    new_context, built_site, visited_pages
):
    """What side by side shows in every tab set of every page is read by test_layout.py's sweep."""
    first, following = pages_with_tabs(built_site.site, visited_pages)[:2]
    page = new_context(viewport=WIDE).new_page()
    page.goto(first)
    wait_ready(page)
    press_toggle(page, "true")
    page.goto(following)
    for how in ("opened next", "reloaded"):
        if how == "reloaded":
            page.reload()
        wait_ready(page)
        open_folds(page)
        assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true", f"{following} {how}: not kept"
        assert all(s["shown"] == 2 for s in tab_sets(page)), f"{following} {how}: not side by side"
    press_toggle(page, "false")
    sets = tab_sets(page)
    assert sets and all(s["shown"] == 1 for s in sets), f"{following}: pressed again, not every tab set is tabs: {sets}"


def test_a_phone_shows_tabs_and_no_toggle_whatever_was_chosen(new_context, built_site, visited_pages):
    page = new_context(viewport=WIDE).new_page()
    page.goto(pages_with_tabs(built_site.site, visited_pages)[0])
    wait_ready(page)
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

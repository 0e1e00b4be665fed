"""The "How to choose" questionnaire: it recommends, explains, and agrees with its no-script list."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser
PAGE = "choosing/decision/"
POINTS = re.compile(r"Points from your answers: Flask (\d+), Django (\d+)")


def static_points(page) -> dict[tuple[str, str], dict[str, int]]:
    """(question, answer label) -> points, read from the page's no-script list."""
    rows = page.eval_on_selector_all(
        "article dl dd",
        """els => els.map(dd => {
             let dt = dd.previousElementSibling;
             while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
             const strong = dd.querySelector('strong');
             return [dt.textContent.trim(), dd.querySelector('em').textContent.trim(), strong ? strong.textContent : ''];
           })""",
    )
    table = {}
    for question, answer, verdict in rows:
        points = {"flask": 0, "django": 0}
        if m := re.fullmatch(r"(Flask|Django) \+(\d+)", verdict.strip()):
            points[m.group(1).lower()] = int(m.group(2))
        table[(question, answer)] = points
    return table


def ask(page, answers: list[tuple[str, str]]) -> str:
    page.get_by_role("button", name="Start again").click()
    for question, answer in answers:
        page.get_by_role("group", name=question).get_by_label(answer).check()
    page.get_by_role("button", name="Show my recommendation").click()
    return page.locator("#decision-result").inner_text()


@pytest.fixture
def decision(new_context, site_url):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    return page


def test_every_answer_scores_what_the_no_script_list_says(decision):
    table = static_points(decision)
    assert len(table) >= 15, "the no-script list lost its answers"
    for (question, answer), points in table.items():
        result = ask(decision, [(question, answer)])
        m = POINTS.search(result)
        assert m, f"{question} / {answer}: no points shown in {result!r}"
        assert {"flask": int(m.group(1)), "django": int(m.group(2))} == points, (question, answer)


def test_a_clear_profile_gets_a_recommendation_with_reasons(decision):
    table = static_points(decision)
    # The strongest answer per question for one framework, as the list scores them.
    for name, other in (("flask", "django"), ("django", "flask")):
        best = {}
        for (question, answer), points in table.items():
            if points[name] > points[other] and points[name] > best.get(question, ("", -1))[1]:
                best[question] = (answer, points[name])
        result = ask(decision, [(q, a) for q, (a, _) in best.items()])
        assert f"Recommendation: {name.capitalize()}." in result
        assert result.count(f"For {name.capitalize()} (+") == len(best)


def test_the_result_is_announced_to_screen_readers(decision):
    region = decision.locator("#decision-result")
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("role") == "status"


def test_without_scripts_the_list_stands_in_for_the_form(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + PAGE)
    assert page.locator("#decision-form").is_hidden()
    assert page.locator("article dl dd").count() >= 15

"""The "How to choose" questionnaire in Chromium gives the verdicts macros/decision.py computes.

The page's script (docs/assets/javascripts/decision.js) scores the answers
from the JSON copy of data/decision.yml the page carries; macros/decision.py
``score()`` is the same algorithm in Python, with its own unit tests. Here a
set of reader profiles goes through the real page, and what the reader sees
(the verdict, the points, each reason) must equal what Python says.
"""

from __future__ import annotations

import random

import pytest

from macros import data, decision, text
from tests.browser.conftest import wait_ready
from tests.conftest import ROOT, SUBPATH

pytestmark = pytest.mark.browser
PAGE = "choosing/decision/"
SITE = data.load(ROOT / "data")
D = SITE.decision
NAMES = {key: fw.name for key, fw in SITE.frameworks.items()}
QUESTIONS = [*D.questions, D.experience]

# Profiles issue 10 found contradictory, then every single answer, then a fixed
# random sample of fuller profiles.
NAMED = [
    {},
    {"shape": "api", "frontend": "separate"},
    {"admin": "yes"},
    {"team": "growing", "admin": "yes", "shape": "webapp", "deadline": "weeks", "frontend": "builtin",
     "hosting": "ordinary", "experience": "flask"},
    {"shape": "api", "frontend": "separate", "experience": "django"},
    {"team": "teams", "admin": "no", "shape": "services", "deadline": "days", "frontend": "separate",
     "hosting": "capped", "experience": "neither"},
]
SINGLE = [{q.id: a.id} for q in QUESTIONS for a in q.answers]


def sample(n: int, seed: int = 10) -> list[dict[str, str]]:
    rng = random.Random(seed)
    profiles = []
    for _ in range(n):
        profile = {}
        for q in QUESTIONS:
            if rng.random() < 0.8:
                profile[q.id] = rng.choice(q.answers).id
        profiles.append(profile)
    return profiles


READ_RESULT = """() => {
  const out = document.getElementById('decision-result')
  const verdict = out.querySelector('.decision-verdict')
  return {
    headline: verdict ? verdict.querySelector('strong').textContent : null,
    verdict: verdict ? verdict.textContent : null,
    reasons: [...out.querySelectorAll('li')].map(li => li.textContent),
    links: [...out.querySelectorAll('li a')].map(a => new URL(a.href).pathname),
  }
}"""

# Tick the answers (by question name and answer value) and submit, as the form would.
ANSWER_BY_SCRIPT = """answers => {
  const form = document.getElementById('decision-form')
  form.reset()
  for (const [name, value] of Object.entries(answers))
    form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true
  form.requestSubmit()
}"""


def expected(answers: dict[str, str]) -> dict:
    v = decision.score(D, NAMES, answers)
    return {
        "headline": text.plain(v.headline),
        "verdict": text.plain(f"{v.headline} {v.summary}".strip()),
        "reasons": [line.reads for line in v.lines],
    }


def shown(page) -> dict:
    got = page.evaluate(READ_RESULT)
    got.pop("links")
    return got


@pytest.fixture
def decision_page(new_context, site_url):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    assert page.locator("#decision-form").is_visible(), "the script did not reveal the form"
    return page


def test_profiles_get_the_verdicts_the_python_scoring_gives(decision_page):
    profiles = NAMED + SINGLE + sample(60)
    wrong = []
    for answers in profiles:
        decision_page.evaluate(ANSWER_BY_SCRIPT, answers)
        got, want = shown(decision_page), expected(answers)
        if got != want:
            wrong.append(f"{answers}:\n  page:   {got}\n  python: {want}")
    assert wrong == []


def test_a_reader_clicking_the_labels_gets_the_same_verdict(decision_page):
    """The issue's Flask team building a back office, answered with the mouse by label."""
    answers = NAMED[3]
    page = decision_page
    page.get_by_role("button", name="Start again").click()
    for q in QUESTIONS:
        if q.id in answers:
            label = next(a.label for a in q.answers if a.id == answers[q.id])
            page.get_by_role("group", name=text.plain(q.ask)).get_by_label(text.plain(label), exact=True).check()
    page.get_by_role("button", name="Show my recommendation").click()
    got = shown(page)
    assert got == expected(answers)
    assert got["headline"] == "Recommendation: Django."
    assert not any("outweigh" in r or "decides" in r for r in got["reasons"])


def test_reasons_link_to_the_pages_that_explain_them(decision_page):
    decision_page.evaluate(ANSWER_BY_SCRIPT, {"admin": "yes", "hosting": "capped"})
    links = decision_page.evaluate(READ_RESULT)["links"]
    assert links == [f"{SUBPATH}choosing/admin/", f"{SUBPATH}choosing/size/"]


def test_the_result_is_announced_to_screen_readers(decision_page):
    region = decision_page.locator("#decision-result")
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("role") == "status"


def test_the_script_runs_after_instant_navigation_to_the_page(new_context, site_url):
    """Material swaps pages without reloading and re-runs the scripts in the content."""
    page = new_context().new_page()
    page.goto(site_url + "choosing/")
    wait_ready(page)
    page.locator("article").get_by_role("link", name="How to choose").first.click()
    page.wait_for_url("**/choosing/decision/")
    page.locator("#decision-form").wait_for(state="visible")
    page.evaluate(ANSWER_BY_SCRIPT, NAMED[1])
    assert shown(page) == expected(NAMED[1])


def test_without_scripts_the_list_stands_in_for_the_form(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + PAGE)
    assert page.locator("#decision-form").is_hidden()
    answers = sum(len(q.answers) for q in QUESTIONS)
    assert page.locator("article dl dd").count() == answers
    assert page.get_by_text(f"needs a lead of at least {D.rules.lead} points").is_visible()

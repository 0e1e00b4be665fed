"""The "How to choose" questionnaire in Chromium: macros/decision.py's verdicts, shown, announced, and led on.

The page's script (docs/assets/javascripts/decision.js) scores the answers
from the JSON copy of data/decision.yml the page carries; macros/decision.py
``score()`` is the same algorithm in Python, with its own unit tests. Here a
set of reader profiles goes through the real page, and what the reader sees
(the verdict, the points, each reason, the next step) must equal what Python
says. Then a reader does it as a reader would: with the keyboard from the top
of the page, on a phone, and on to the cookbook with the tabs the result set,
on the published site and in the offline edition from file://.
"""

from __future__ import annotations

import itertools
import random

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros import data, decision, reasons, text
from tests.browser.conftest import wait_ready
from tests.conftest import ROOT, SUBPATH

pytestmark = pytest.mark.browser
PAGE = "choosing/decision/"
SITE = data.load(ROOT / "data")
D = reasons.resolved(SITE.decision, SITE)
NAMES = {key: fw.name for key, fw in SITE.frameworks.items()}
QUESTIONS = [*D.questions, D.experience]
PHONE = {"width": 375, "height": 667}

# Profiles issue 10 found contradictory, the readers of issues 13 and 14, then
# every single answer, then a fixed random sample of fuller profiles.
FLASK_TEAM_BACK_OFFICE = {
    "team": "growing",
    "admin": "yes",
    "shape": "webapp",
    "deadline": "weeks",
    "frontend": "builtin",
    "hosting": "ordinary",
    "experience": "flask",
}
REAL_TIME_BACK_OFFICE = {
    "team": "small",
    "admin": "yes",
    "shape": "webapp",
    "realtime": "browser",
    "background": "yes",
    "experience": "flask",
}
PARTNER_API = {
    "team": "small",
    "shape": "api",
    "partners": "yes",
    "deadline": "days",
    "hosting": "capped",
    "traffic": "modest",
    "experience": "neither",
}
NAMED = [
    {},
    {"shape": "api", "frontend": "separate"},
    {"admin": "yes"},
    FLASK_TEAM_BACK_OFFICE,
    {"shape": "api", "frontend": "separate", "experience": "django"},
    {
        "team": "teams",
        "admin": "no",
        "shape": "services",
        "deadline": "days",
        "frontend": "separate",
        "hosting": "capped",
        "experience": "neither",
    },
    REAL_TIME_BACK_OFFICE,
    {**REAL_TIME_BACK_OFFICE, "realtime": "plain"},
    PARTNER_API,
    {"shape": "services", "hosting": "memory", "traffic": "high"},
    {"admin": "yes", "hosting": "memory", "languages": "yes"},  # the memory point held back
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
  const verdict = document.querySelector('#decision-status .decision-verdict')
  const next = out.querySelector('.decision-next a')
  return {
    headline: verdict ? verdict.querySelector('strong').textContent : null,
    verdict: verdict ? verdict.textContent : null,
    reasons: [...out.querySelectorAll('li')].map(li => li.textContent),
    groups: [...out.querySelectorAll('.decision-group')].map(h => [h.textContent,
      h.nextElementSibling.querySelectorAll('li').length]),
    next: next ? next.textContent : '',
    pick: next ? next.dataset.pick || null : null,
    links: [...out.querySelectorAll('li a')].map(a => new URL(a.href).pathname + new URL(a.href).hash),
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

# The framework each Flask/Django tab set on the page shows.
SHOWN_TABS = """() => [...document.querySelectorAll('article .tabbed-set')].map(set => {
  const input = set.querySelector(':scope > input:checked')
  return set.querySelector(`:scope > .tabbed-labels > label[for="${input.id}"]`).innerText.trim()
})"""


def expected(answers: dict[str, str]) -> dict:
    v = decision.score(D, NAMES, answers)
    return {
        "headline": text.plain(v.headline),
        "verdict": text.plain(f"{v.headline} {v.summary}".strip()),
        "reasons": [line.reads for line in v.lines],
        # One titled list per group, in order: the title and how many reasons it holds.
        "groups": [
            [text.plain(title), sum(1 for _ in lines)]
            for title, lines in itertools.groupby(v.lines, key=lambda line: line.group)
        ],
        "next": v.next,
        "pick": v.pick,
    }


def shown(page) -> dict:
    got = page.evaluate(READ_RESULT)
    got.pop("links")
    return got


def answer_by_label(page, answers: dict[str, str]) -> None:
    """Tick each answer by clicking its label, as a reader does."""
    for q in QUESTIONS:
        if q.id in answers:
            label = next(a.label for a in q.answers if a.id == answers[q.id])
            page.get_by_role("group", name=text.plain(q.ask)).get_by_label(text.plain(label), exact=True).check()


@pytest.fixture
def decision_page(new_context, site_url):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    assert page.locator("#decision-form").is_visible(), "the script did not reveal the form"
    return page


# The same verdicts as the Python ---------------------------------------------------


def test_profiles_get_the_verdicts_the_python_scoring_gives(decision_page):
    profiles = NAMED + SINGLE + sample(80)
    wrong = []
    for answers in profiles:
        decision_page.evaluate(ANSWER_BY_SCRIPT, answers)
        got, want = shown(decision_page), expected(answers)
        if got != want:
            wrong.append(f"{answers}:\n  page:   {got}\n  python: {want}")
    assert wrong == []


def test_a_reader_clicking_the_labels_gets_the_same_verdict(decision_page):
    """The issue's Flask team building a back office, answered with the mouse by label."""
    page = decision_page
    page.get_by_role("button", name="Start again").click()
    answer_by_label(page, FLASK_TEAM_BACK_OFFICE)
    page.get_by_role("button", name="Show my recommendation").click()
    got = shown(page)
    assert got == expected(FLASK_TEAM_BACK_OFFICE)
    assert got["headline"] == "Recommendation: Django."
    assert not any("outweigh" in r or "decides" in r for r in got["reasons"])


def test_reasons_link_to_the_pages_that_explain_them(decision_page):
    decision_page.evaluate(
        ANSWER_BY_SCRIPT, {"admin": "yes", "realtime": "plain", "traffic": "high", "hosting": "capped"}
    )
    links = decision_page.evaluate(READ_RESULT)["links"]
    # In the order shown: Django's reasons, the held-back size reason, then the neutral one.
    assert links == [
        f"{SUBPATH}choosing/admin/",
        f"{SUBPATH}cookbook/realtime/",
        f"{SUBPATH}choosing/size/",
        f"{SUBPATH}choosing/speed/#requests-per-second-and-cpu-time-per-request",
    ]


def test_the_measured_figures_reach_the_reader(decision_page):
    """The high-traffic and memory reasons show the numbers of data/measured.yml, as the speed page does."""
    from macros import speed

    decision_page.evaluate(ANSWER_BY_SCRIPT, {"shape": "services", "hosting": "memory", "traffic": "high"})
    reasons = " ".join(shown(decision_page)["reasons"])
    for clause in (
        speed.compare(SITE, "benchmark.memory_mib.smallest"),
        speed.figure(SITE, "benchmark.requests.orm.cpu_ms.flask"),
        speed.compare(SITE, "benchmark.requests.async.rps"),
    ):
        assert clause in reasons
    # Held back by a back office, the memory reason shows the figure that turns it around.
    decision_page.evaluate(ANSWER_BY_SCRIPT, {"admin": "yes", "hosting": "memory"})
    assert speed.compare(SITE, "benchmark.memory_mib.full") in " ".join(shown(decision_page)["reasons"])


# Shown, announced, and reached from the keyboard -------------------------------------


def test_the_result_is_scrolled_into_view_and_announced_on_a_phone(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    answer_by_label(page, REAL_TIME_BACK_OFFICE)
    page.get_by_role("button", name="Show my recommendation").click()
    want = expected(REAL_TIME_BACK_OFFICE)
    # Announced: the live region holds the verdict, and only the verdict.
    # In the page's content: Zensical's theme has a status region of its own (its dialog).
    status = page.locator("article").get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().strip() == want["verdict"]
    # Scrolled: the verdict sits at the top of the screen, below the theme's sticky header.
    header = page.locator(".md-header").bounding_box()
    box = page.locator("#decision-status").bounding_box()
    assert header["y"] + header["height"] <= box["y"] < PHONE["height"] / 3, (header, box)
    assert box["y"] + box["height"] <= PHONE["height"], "the whole verdict is on the screen"


# How the focus ring looks, and that it stands out from the page, is layout.js's (every control, every page).
FOCUSED = """() => {
  const e = document.activeElement
  return {id: e.id, text: e.textContent.trim(), outline: getComputedStyle(e).outlineStyle}
}"""


def test_the_keyboard_reaches_the_first_answer_in_a_few_presses_and_sees_where_it_is(new_context, site_url):
    """From the top of the page: Tab ("Skip to content"), Tab ("Go to the questions"), Enter: the first radio."""
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Go to the questions"
    skip = page.locator("#decision-skip")
    assert skip.is_visible(), "the skip link shows while it has focus"
    page.keyboard.press("Enter")
    focused = page.evaluate(FOCUSED)
    first = D.questions[0]
    assert focused["id"] == f"q-{first.id}-{first.answers[0].id}", focused
    assert page.get_by_role("group", name=text.plain(first.ask)).is_visible()
    # The arrow keys move within the question, and the ring follows.
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED)["id"] == f"q-{first.id}-{first.answers[1].id}"
    assert page.evaluate(FOCUSED)["outline"] != "none"


def test_the_result_is_announced_to_screen_readers(decision_page):
    region = decision_page.locator("#decision-status")
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("role") == "status"
    decision_page.evaluate(ANSWER_BY_SCRIPT, PARTNER_API)
    assert region.inner_text().strip() == expected(PARTNER_API)["verdict"]
    decision_page.get_by_role("button", name="Start again").click()
    assert region.inner_text() == "" and decision_page.locator("#decision-result li").count() == 0


# On to the cookbook, with the tabs set -----------------------------------------------


def follow_the_next_step(page, answers: dict[str, str]) -> str:
    """Answer, submit, and click the result's next step; return the framework it names."""
    page.get_by_role("button", name="Start again").click()
    answer_by_label(page, answers)
    page.get_by_role("button", name="Show my recommendation").click()
    want = expected(answers)
    link = page.get_by_role("link", name=want["next"])
    assert link.is_visible()
    link.click()
    return NAMES[want["pick"]]


def every_tab_shows(page, name: str) -> list[str]:
    """Wait for the theme to set the tabs up, then read the framework each tab set shows.

    The theme applies the stored choice after the page appears (Zensical after its
    instant page swap), so wait up to 5 s for every set to show ``name`` first.
    """
    page.wait_for_function("() => document.querySelectorAll('article .tabbed-set').length > 0")
    try:
        page.wait_for_function(f"name => ({SHOWN_TABS})().every(n => n === name)", arg=name, timeout=5_000)
    except PlaywrightTimeout:
        pass  # the assertion below says what the sets show instead
    shown = page.evaluate(SHOWN_TABS)
    assert shown and set(shown) == {name}, shown
    return shown


def test_the_next_step_opens_the_cookbook_with_every_tab_on_the_chosen_framework(new_context, site_url):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    # Django, though the tabs open on Flask by default.
    assert follow_the_next_step(page, FLASK_TEAM_BACK_OFFICE) == "Django"
    page.wait_for_url(f"**{SUBPATH}cookbook/")
    every_tab_shows(page, "Django")
    # And on every cookbook page after it, here the first one.
    page.locator("article").get_by_role("link", name="Hello world and project layout").first.click()
    page.wait_for_url(f"**{SUBPATH}cookbook/hello/")
    # Zensical swaps the article in after the URL changes: wait for the new page's heading.
    page.locator("article h1", has_text="Hello world").wait_for()
    assert len(every_tab_shows(page, "Django")) >= 2
    # A later result for Flask turns them back.
    page.goto(site_url + PAGE)
    wait_ready(page)
    assert follow_the_next_step(page, PARTNER_API) == "Flask"
    page.wait_for_url(f"**{SUBPATH}cookbook/")
    every_tab_shows(page, "Flask")
    page.goto(site_url + "cookbook/realtime/")
    wait_ready(page)
    every_tab_shows(page, "Flask")


def test_a_result_that_names_no_framework_leaves_the_tabs_alone(new_context, site_url):
    page = new_context().new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    page.evaluate(ANSWER_BY_SCRIPT, {"admin": "no"})
    got = shown(page)
    assert got["pick"] is None and got["next"] == D.next.both
    page.get_by_role("link", name=D.next.both).click()
    page.wait_for_url(f"**{SUBPATH}cookbook/")
    assert page.evaluate("() => localStorage.getItem(__md_scope.pathname + '.__tabs')") is None


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """The offline edition (`make offline`'s build), read from file://."""
    from tools import offline

    dest = tmp_path_factory.mktemp("offline") / "site"
    proc = offline.build(dest, SOURCE_DATE_EPOCH="1767225600")
    assert proc.returncode == 0, f"the offline edition does not build:\n{proc.stdout}{proc.stderr}"
    return dest


def test_the_next_step_works_in_the_offline_edition(browser, offline_site):
    context = browser.new_context()
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto((offline_site / "choosing" / "decision.html").as_uri())
        wait_ready(page)
        assert follow_the_next_step(page, FLASK_TEAM_BACK_OFFICE) == "Django"
        page.wait_for_url((offline_site / "cookbook" / "index.html").as_uri())
        every_tab_shows(page, "Django")
        page.goto((offline_site / "cookbook" / "hello.html").as_uri())
        wait_ready(page)
        every_tab_shows(page, "Django")
    finally:
        context.close()


# Instant navigation and no scripts ---------------------------------------------------


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
    # One skip link to the questions, here, and none once the reader moves on.
    assert page.locator("#decision-skip").count() == 1
    page.locator(".md-sidebar--primary").get_by_role("link", name="Tooling").click()
    page.wait_for_url("**/choosing/tooling/")
    # Zensical's theme changes the address before it swaps the page in: wait for the swap.
    page.locator("article h1", has_text="Tooling").wait_for()
    assert page.locator("#decision-skip").count() == 0


def test_without_scripts_the_list_stands_in_for_the_form(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + PAGE)
    assert page.locator("#decision-form").is_hidden()
    # Folded, so the page stays short; a details element opens without scripts.
    page.locator("article details > summary", has_text="The questions and their points").click()
    answers = sum(len(q.answers) for q in QUESTIONS)
    assert page.locator("article dl dd").count() == answers
    assert page.get_by_text(f"needs a lead of at least {D.rules.lead} points").is_visible()
    # The measured figures are in the list too.
    memory = next(a for q in D.questions for a in q.answers if a.id == "memory")
    assert page.get_by_text(text.plain(memory.reason)[:60]).is_visible()

"""The questionnaire's rules (data/decision.yml, macros/decision.py), checked on reader profiles.

Profiles are question id -> answer id. Every profile the form can produce is
also checked against the rules the page states: one fact counts once, one
answer never gives a firm recommendation, and the reasons never contradict
the verdict.
"""

from __future__ import annotations

import itertools
import re

import pytest
import yaml

from macros import data, decision, text
from tests.conftest import ROOT
from tests.html_tables import squash, to_html

SITE = data.load(ROOT / "data")
D = SITE.decision
NAMES = {key: fw.name for key, fw in SITE.frameworks.items()}


def verdict(**answers: str) -> decision.Verdict:
    return decision.score(D, NAMES, answers)


def every_profile():
    """Every combination of answers, each question possibly unanswered."""
    questions = [(q.id, [None, *(a.id for a in q.answers)]) for q in D.questions]
    questions.append((D.experience.id, [None, *(a.id for a in D.experience.answers)]))
    for combo in itertools.product(*(choices for _, choices in questions)):
        yield {qid: aid for (qid, _), aid in zip(questions, combo) if aid is not None}


PROFILES = list(every_profile())


# Reader profiles, including the ones issue 10 found contradictory ----------------


def test_nothing_answered_asks_for_an_answer():
    v = verdict()
    assert v.kind == "nothing" and v.lines == [] and v.summary == ""


def test_api_only_with_a_separate_front_end_counts_once():
    both = verdict(shape="api", frontend="separate")
    assert both.totals == verdict(shape="api").totals == {"flask": 2, "django": 0}
    assert [line.kind for line in both.lines] == ["counted", "repeat"]
    assert "counted once" in both.lines[1].reads


def test_a_single_answer_never_gives_a_firm_recommendation():
    for q in D.questions:
        for a in q.answers:
            v = verdict(**{q.id: a.id})
            assert v.kind != "firm", (q.id, a.id, v.reads)


def test_a_flask_team_building_a_back_office_is_told_django_without_being_told_experience_outweighs():
    v = verdict(team="growing", admin="yes", shape="webapp", deadline="weeks", frontend="builtin",
                hosting="ordinary", experience="flask")
    assert v.kind == "firm" and v.leader == "django"
    assert v.totals == {"flask": 0, "django": 7}  # back office 3 + built-in parts 2 + one layout 2
    said = v.lines[-1].reads
    assert said.startswith("Experience: Your team knows Flask, but") and "Django" in said
    assert "outweigh" not in v.reads and "decides" not in said


def test_when_experience_decides_the_result_says_so():
    v = verdict(shape="api", frontend="separate", experience="django")
    assert v.kind == "experience" and v.known == "django" and v.leader == "flask"
    assert v.headline.startswith("Start with Django")
    assert "experience decides" in v.lines[-1].reads


def test_a_clear_flask_profile_and_a_clear_django_profile():
    flask = verdict(team="teams", admin="no", shape="services", deadline="days", frontend="separate",
                    hosting="capped", experience="neither")
    assert (flask.kind, flask.leader, flask.totals["flask"]) == ("firm", "flask", 3 + 2 + 2 + 1)
    django = verdict(team="growing", admin="yes", shape="content", deadline="weeks", experience="django")
    assert (django.kind, django.leader) == ("firm", "django")
    assert django.lines[-1].reads == "Experience: Your team knows Django already, which makes the recommendation easier to follow."


def test_a_lead_from_one_fact_only_leans():
    v = verdict(admin="yes", shape="content")  # one fact (a back office), said twice
    assert v.totals["django"] == 3 and v.kind == "leans" and v.headline.startswith("Leaning Django")


def test_a_tie_without_experience_says_either_fits():
    v = verdict(team="teams", admin="yes")  # Flask 2 against Django 3: no firm lead
    assert v.kind == "leans"
    v = verdict(admin="no", hosting="ordinary")
    assert v.kind == "either" and v.totals == {"flask": 0, "django": 0}


# The rules, over every profile the form can produce ------------------------------


def test_every_profile_follows_the_stated_rules():
    assert len(PROFILES) > 10_000
    for answers in PROFILES:
        v = decision.score(D, NAMES, answers)
        # Each fact counts once, at its highest weight.
        facts: dict[str, tuple[str, int]] = {}
        for q in D.questions:
            a = next((a for a in q.answers if a.id == answers.get(q.id)), None)
            if a and a.favours:
                side, points = facts.get(a.fact, (a.favours, 0))
                facts[a.fact] = (side, max(points, a.points))
        expected = {fw: sum(p for side, p in facts.values() if side == fw) for fw in NAMES}
        assert v.totals == expected, answers
        # A firm verdict has the stated lead, from the stated number of separate facts.
        if v.kind == "firm":
            assert v.lead >= D.rules.lead and v.facts >= D.rules.facts >= 2, answers
            assert sum(1 for side, _ in facts.values() if side == v.leader) == v.facts
        # Reasons never contradict the verdict.
        experience = [line for line in v.lines if line.kind == "experience"]
        if v.kind == "firm" and experience:
            assert "decides" not in experience[0].reads and "outweigh" not in experience[0].reads, answers
        if v.kind == "experience":
            assert v.headline.startswith(f"Start with {NAMES[v.known]}") and "decides" in experience[0].reads
        if v.kind in ("leans", "either", "experience"):
            assert not v.headline.startswith("Recommendation"), answers
        # Every answered question gives exactly one reason, in question order.
        asked = [q.id for q in D.questions if q.id in answers] + ([D.experience.id] if D.experience.id in answers else [])
        assert [line.question for line in v.lines] == asked


# The page parts --------------------------------------------------------------


def test_the_no_script_list_states_every_answer_with_its_points():
    import html as html_lib

    page = to_html(decision.rules(D, NAMES, "choosing/decision.md"))
    reads = squash(html_lib.unescape(re.sub(r"<[^>]+>", "", page)))
    for q in D.questions:
        for a in q.answers:
            worth = f"{NAMES[a.favours]} +{a.points}" if a.favours else "neither"
            assert f"{a.label}: {worth}. {squash(text.plain(a.reason))}" in reads, (q.id, a.id)
    assert f"lead of at least {D.rules.lead} points from at least {D.rules.facts} separate facts" in reads
    assert re.search(r'<a data-page="admin" href="admin.md">', page)


def test_the_form_has_one_radio_group_per_question_and_the_rules_as_json():
    import html as html_lib
    import json

    page = decision.form(D, NAMES, "choosing/decision/")
    for q in [*D.questions, D.experience]:
        assert len(re.findall(rf'name="{q.id}"', page)) == len(q.answers)
    blob = re.search(r'<script type="application/json" id="decision-rules">(.*?)</script>', page).group(1)
    assert "<" not in blob and "&" not in blob
    assert json.loads(blob)["rules"] == {"lead": D.rules.lead, "facts": D.rules.facts}
    assert '<script src="../../assets/javascripts/decision.js"></script>' in page
    assert html_lib.unescape(re.search(r"<legend>(.*?)</legend>", page).group(1)) == D.questions[0].ask


@pytest.mark.parametrize(("page_url", "src"), [
    ("choosing/decision/", "../../assets/javascripts/decision.js"),  # the published site
    ("choosing/decision.html", "../assets/javascripts/decision.js"),  # the offline edition
    ("", "assets/javascripts/decision.js"),
])
def test_the_script_is_reached_from_the_pages_own_folder(page_url, src):
    assert f'<script src="{src}"></script>' in decision.form(D, NAMES, page_url)


# Bad data is refused with file, key and line ---------------------------------------


def broken(tmp_path, change) -> str:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in (ROOT / "data").glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    raw = yaml.safe_load((folder / "decision.yml").read_text(encoding="utf-8"))
    change(raw)
    (folder / "decision.yml").write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(data.DataError) as err:
        data.load(folder)
    return str(err.value)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["questions"][0]["answers"][1].update(favours="rails"), r"questions\.0\.answers\.1\.favours: unknown framework 'rails'"),
    (lambda d: d["questions"][0]["answers"][1].update(fact="nope"), r"questions\.0\.answers\.1\.fact: unknown fact 'nope'"),
    (lambda d: d["questions"][0]["answers"][1].pop("fact"), r"questions\.0\.answers\.1: an answer that favours a framework names the `fact`"),
    (lambda d: d["questions"][0]["answers"][2].update(fact="one_layout"), r"questions\.0\.answers\.2\.favours: fact 'one_layout' favours 'django' in another answer"),
    (lambda d: d["questions"][0]["answers"][1].update(page="elsewhere"), r"questions\.0\.answers\.1\.page: unknown page 'elsewhere'"),
    (lambda d: d["say"].update(firm="Go {winner}"), r"say\.firm: unknown placeholder\(s\) \['winner'\]"),
    (lambda d: d["rules"].update(facts=1), r"rules\.facts: input should be greater than or equal to 2"),
    (lambda d: d["questions"][1]["answers"][0].update(id=True), r"questions\.1\.answers\.0\.id: YAML read true as true/false \(True\), but this is text; put it in quotes"),
])
def test_bad_questionnaire_data_names_file_key_and_line(tmp_path, change, message):
    error = broken(tmp_path, change)
    assert re.search(r"data/decision\.yml, line \d+: " + message, error), error

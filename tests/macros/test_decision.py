"""The questionnaire's rules (data/decision.yml, macros/decision.py), checked on reader profiles.

Profiles are question id -> answer id. Every profile the form can produce
(for the answers that score; neutral ones by a fixed random sample) is also
checked against the rules the page states: one fact counts once, one answer
never gives a firm recommendation, an answer with `unless` is held by the
facts it names, and the reasons never contradict the verdict.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
import yaml

from macros import data, decision, reasons, speed, text
from macros.errors import MacroError
from tests.conftest import ROOT
from tests.html_tables import squash, to_html

SITE = data.load(ROOT / "data")
# As the page shows it: the measured figures written into the reasons.
D = reasons.resolved(SITE.decision, SITE)
NAMES = {key: fw.name for key, fw in SITE.frameworks.items()}
QUESTIONS = {q.id: q for q in D.questions}


def verdict(**answers: str) -> decision.Verdict:
    return decision.score(D, NAMES, answers)


def answer(qid: str, aid: str):
    return next(a for a in QUESTIONS[qid].answers if a.id == aid)


def scoring_profiles():
    """Every combination of the answers that can move the score (favouring or held ones), each possibly unanswered."""
    questions = [
        (q.id, [None, *(a.id for a in q.answers if a.favours)])
        for q in D.questions
        if any(a.favours for a in q.answers)
    ]
    questions.append((D.experience.id, [None, *(a.id for a in D.experience.answers)]))
    for combo in itertools.product(*(choices for _, choices in questions)):
        yield {qid: aid for (qid, _), aid in zip(questions, combo, strict=True) if aid is not None}


def random_profiles(n: int, seed: int = 13):
    """Fuller profiles, neutral answers included: every question answered four times in five."""
    rng = random.Random(seed)
    for _ in range(n):
        yield {q.id: rng.choice(q.answers).id for q in [*D.questions, D.experience] if rng.random() < 0.8}


PROFILES = [*scoring_profiles(), *random_profiles(5_000)]


# Reader profiles, including the ones issue 10 found contradictory ----------------


def test_nothing_answered_asks_for_an_answer():
    v = verdict()
    assert v.kind == "nothing" and v.lines == [] and v.summary == "" and v.next == "" and v.pick is None


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
    v = verdict(
        team="growing",
        admin="yes",
        shape="webapp",
        deadline="weeks",
        frontend="builtin",
        hosting="ordinary",
        experience="flask",
    )
    assert v.kind == "firm" and v.leader == "django"
    assert v.totals == {"flask": 0, "django": 7}  # back office 3 + built-in parts 2 + one layout 2
    said = v.lines[-1].reads
    assert said.startswith("Experience: Your team knows Flask, but") and "Django" in said
    assert "outweigh" not in v.reads and "decides" not in said
    assert (v.pick, v.next) == ("django", "Open the cookbook, with every example showing Django")


def test_a_flask_team_building_a_real_time_back_office_is_told_django_and_what_learning_costs():
    v = verdict(
        team="small",
        admin="yes",
        shape="webapp",
        realtime="browser",
        background="yes",
        traffic="modest",
        experience="flask",
    )
    assert (v.kind, v.leader, v.totals) == ("firm", "django", {"flask": 0, "django": 5})
    by_question = {line.question: line for line in v.lines}
    # Live pages in the browser count for neither, and the reason says why and where to read more.
    assert by_question["realtime"].kind == "neutral" and by_question["realtime"].page == "realtime"
    assert "favours neither" in by_question["realtime"].reads and "Channels" in by_question["realtime"].reads
    assert by_question["background"].kind == "neutral" and by_question["background"].page == "tasks"
    assert by_question["experience"].reads.startswith("Experience: Your team knows Flask, but")
    # Plain WebSocket clients are the one real-time answer that moves the score.
    plain = verdict(team="small", admin="yes", shape="webapp", realtime="plain", experience="flask")
    assert plain.totals == {"flask": 0, "django": 6} and plain.facts == 3


def test_a_small_api_for_partners_is_flask_and_the_partners_answer_counts_for_neither():
    v = verdict(
        team="small",
        shape="api",
        partners="yes",
        deadline="days",
        hosting="capped",
        traffic="modest",
        experience="neither",
    )
    assert (v.kind, v.leader, v.totals) == ("firm", "flask", {"flask": 2 + 2 + 1, "django": 0})
    partners = next(line for line in v.lines if line.question == "partners")
    assert (partners.kind, partners.page) == ("neutral", "api_frameworks")
    assert "flask-smorest" in partners.reads and "Django Ninja" in partners.reads
    # Few add-ons: the small install counts for Flask, with the measured sizes in its reason,
    # and none of the figures that turn it around (those are the held reason's).
    capped = next(line for line in v.lines if line.question == "hosting")
    assert (capped.kind, capped.side, capped.points) == ("counted", "flask", 1)
    assert speed.figure(SITE, "install.size.flask") in capped.reads
    assert speed.figure(SITE, "project.size.flask") not in capped.reads


def test_a_small_memory_budget_counts_for_flask_only_while_the_app_needs_few_add_ons():
    few = verdict(shape="services", hosting="memory")
    assert few.totals == {"flask": 3 + 1, "django": 0}
    reason = few.lines[-1]
    assert reason.kind == "counted"
    assert speed.compare(SITE, "benchmark.memory_mib.smallest") in reason.reads
    # Counted for Flask, it does not quote the figure that favours Django (issue 23).
    assert speed.compare(SITE, "benchmark.memory_mib.full") not in reason.reads
    for qid, aid in [("admin", "yes"), ("shape", "webapp"), ("languages", "yes"), ("frontend", "builtin")]:
        many = verdict(**{qid: aid, "hosting": "memory"})
        held = next(line for line in many.lines if line.question == "hosting")
        assert held.kind == "held" and held.points == 0 and many.totals["flask"] == 0, (qid, aid)
        assert held.reads.startswith(f"For neither, because of your answer to “{text.plain(QUESTIONS[qid].ask)}”")
        assert speed.compare(SITE, "benchmark.memory_mib.full") in held.reads
    # Held, it cannot tip a close call: a Flask lead of 2 stays short of firm.
    assert verdict(team="teams", admin="yes", shape="services", hosting="memory").totals == {"flask": 3, "django": 3}


def test_a_high_traffic_service_counts_for_neither_and_quotes_the_measurements():
    line = verdict(traffic="high").lines[0]
    assert (line.kind, line.page) == ("neutral", "requests")
    for key in (
        "benchmark.requests.json.cpu_ms.flask",
        "benchmark.requests.json.cpu_ms.django",
        "benchmark.requests.orm.cpu_ms.flask",
        "benchmark.requests.orm.cpu_ms.django",
    ):
        assert speed.figure(SITE, key) in line.reads, key
    assert speed.compare(SITE, "benchmark.requests.async.rps") in line.reads
    assert D.pages["requests"].file == "choosing/speed.md#requests-per-second-and-cpu-time-per-request"


def test_no_reason_scores_for_a_side_its_own_figures_argue_against():
    """Every answer that gives points: each figure its reason quotes favours that side, or neither, in the data."""
    fws = list(SITE.frameworks)
    checked = 0
    for q in SITE.decision.questions:
        for a in q.answers:
            if not a.favours:
                continue
            for key in reasons.quoted(a.reason, fws):
                checked += 1
                assert speed.winner(SITE, key) in (a.favours, None), (q.id, a.id, key)
    assert checked >= 2, "no scoring reason quotes a figure any more: is `quoted` still finding them?"


def test_no_figure_is_typed_into_the_data():
    """Every number with a unit in a reason comes from a {figure}/{compare}/{fact} placeholder."""
    raw = SITE.decision
    for q in raw.questions:
        for a in q.answers:
            for said in (a.reason, a.otherwise or ""):
                bare = reasons.MEASURED.sub("", said)
                assert not re.search(r"\d\s*(ms|MiB|KiB|MB|requests/s|×)", bare), (q.id, a.id, said)


def test_when_experience_decides_the_result_says_so():
    v = verdict(shape="api", frontend="separate", experience="django")
    assert v.kind == "experience" and v.known == "django" and v.leader == "flask"
    assert v.headline.startswith("Start with Django")
    # What decides leads the reasons, under its own title.
    assert "experience decides" in v.lines[0].reads and v.lines[0].group == D.say.groups.decides
    assert v.pick == "django"  # the next step follows what the result tells the reader to start with


def test_a_clear_flask_profile_and_a_clear_django_profile():
    flask = verdict(
        team="teams",
        admin="no",
        shape="services",
        deadline="days",
        frontend="separate",
        hosting="capped",
        experience="neither",
    )
    assert (flask.kind, flask.leader, flask.totals["flask"]) == ("firm", "flask", 3 + 2 + 2 + 1)
    django = verdict(team="growing", admin="yes", shape="content", deadline="weeks", experience="django")
    assert (django.kind, django.leader) == ("firm", "django")
    assert (
        django.lines[-1].reads
        == "Experience: Your team knows Django already, which makes the recommendation easier to follow."
    )


def test_a_lead_from_one_fact_only_leans():
    v = verdict(admin="yes", shape="content")  # one fact (a back office), said twice
    assert v.totals["django"] == 3 and v.kind == "leans" and v.headline.startswith("Leaning Django")
    assert v.pick == "django"


def test_a_tie_without_experience_says_either_fits():
    v = verdict(team="teams", admin="yes")  # Flask 2 against Django 3: no firm lead
    assert v.kind == "leans"
    v = verdict(admin="no", hosting="ordinary")
    assert v.kind == "either" and v.totals == {"flask": 0, "django": 0}
    assert (v.pick, v.next) == (None, "Open the cookbook and compare both, side by side")


# The rules, over every profile the form can produce ------------------------------


def test_every_profile_follows_the_stated_rules():
    assert len(PROFILES) > 10_000
    for answers in PROFILES:
        v = decision.score(D, NAMES, answers)
        chosen = [(q, a) for q in D.questions for a in q.answers if answers.get(q.id) == a.id]
        # An answer with `unless` is held by any other answer standing for one of its facts.
        held = {q.id for q, a in chosen if any(b is not a and b.fact in a.unless for _, b in chosen)}
        # Each fact counts once, at its highest weight.
        facts: dict[str, tuple[str, int]] = {}
        for q, a in chosen:
            if a.favours and q.id not in held:
                side, points = facts.get(a.fact, (a.favours, 0))
                facts[a.fact] = (side, max(points, a.points))
        expected = {fw: sum(p for side, p in facts.values() if side == fw) for fw in NAMES}
        assert v.totals == expected, answers
        assert {line.question for line in v.lines if line.kind == "held"} == held, answers
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
        # The next step sets the tabs to the framework the headline names, and to no other.
        if v.pick:
            assert NAMES[v.pick] in v.headline and NAMES[v.pick] in v.next, answers
        # Every answered question gives exactly one reason.
        asked = [q.id for q in D.questions if q.id in answers] + (
            [D.experience.id] if D.experience.id in answers else []
        )
        assert sorted(line.question for line in v.lines) == sorted(asked), answers
        # What decides leads: experience when it decides, else the leader's heaviest reason.
        if v.kind == "experience":
            assert v.lines[0].kind == "experience", answers
        elif v.kind in ("firm", "leans"):
            assert (v.lines[0].kind, v.lines[0].side) == ("counted", v.leader), answers
            assert v.lines[0].points == max(x.points for x in v.lines if x.kind == "counted" and x.side == v.leader)
        # Groups are apart: each title is one run of reasons, and what it holds matches it.
        titles = [title for title, _ in itertools.groupby(line.group for line in v.lines)]
        assert len(titles) == len(set(titles)), answers
        for line in v.lines:
            if line.kind == "counted":
                assert NAMES[line.side] in line.group, answers
            elif line.kind == "neutral":
                assert line.group == D.say.groups.neutral, answers
        # Neutral reasons after every counted one; within a side, the heaviest first.
        kinds = [line.kind for line in v.lines]
        if "neutral" in kinds and "counted" in kinds:
            assert max(i for i, k in enumerate(kinds) if k == "counted") < kinds.index("neutral"), answers
        for _, run in itertools.groupby((line for line in v.lines if line.kind == "counted"), key=lambda x: x.side):
            points = [line.points for line in run]
            assert points == sorted(points, reverse=True), answers


# The page parts --------------------------------------------------------------


def test_the_no_script_list_states_every_answer_with_its_points():
    import html as html_lib

    page = to_html(decision.rules(D, NAMES, "choosing/decision.md"))
    reads = squash(html_lib.unescape(re.sub(r"<[^>]+>", "", page)))
    for q in D.questions:
        for a in q.answers:
            worth = f"{NAMES[a.favours]} +{a.points}" if a.favours else "neither"
            unless = ", unless another answer stands for a fact listed after the questions" if a.unless else ""
            assert f"{a.label}: {worth}{unless}. {squash(text.plain(a.reason))}" in reads, (q.id, a.id)
            if a.unless:  # listed with the facts that hold it back
                assert re.search(
                    rf"{re.escape(a.label)} \({re.escape(q.ask)}\)[^:]*: "
                    + re.escape(" ".join(D.facts[f] for f in a.unless)),
                    reads,
                ), (q.id, a.id)
    # One term per question and one definition per answer: a second paragraph stays inside its answer.
    assert page.count("<dt>") == len(D.questions) + 1 and "<dl>" not in page.split("<dl>", 1)[1].split("</dl>")[0]
    assert page.count("<dd>") == sum(len(q.answers) for q in [*D.questions, D.experience])
    assert f"lead of at least {D.rules.lead} points from at least {D.rules.facts} separate facts" in reads
    assert "counts only while the measurement shows a clear difference" in reads
    assert re.search(r'<a data-page="admin" href="admin.md">', page)
    # Pages with an anchor keep it, and the next step's page is linked for the script to find.
    assert re.search(r'<a data-page="memory" href="speed.md#memory-per-worker">', page)
    assert re.search(r'<a data-page="cookbook" href="../cookbook/index.md">', page)


def test_the_form_has_one_radio_group_per_question_and_the_rules_as_json():
    import html as html_lib
    import json

    page = decision.form(D, NAMES, "choosing/decision/")
    for q in [*D.questions, D.experience]:
        assert len(re.findall(rf'name="{q.id}"', page)) == len(q.answers)
    blob = re.search(r'<script type="application/json" id="decision-rules">(.*?)</script>', page).group(1)
    assert "<" not in blob and "&" not in blob
    rules = json.loads(blob)
    assert rules["rules"] == {"lead": D.rules.lead, "facts": D.rules.facts}
    assert rules["next"] == D.next.model_dump()
    # The script gets the reasons with the figures written in, and not the build's own checks.
    memory = next(a for q in rules["questions"] for a in q["answers"] if a["id"] == "memory")
    assert memory["reason"] == answer("hosting", "memory").reason and "{" not in memory["reason"]
    assert memory["unless"] and "measured" not in memory
    # The verdict is announced; the script makes the skip link from the form's data-skip.
    assert '<div id="decision-status" role="status" aria-live="polite" aria-atomic="true"></div>' in page
    assert '<form id="decision-form" class="decision-form" data-skip="Go to the questions" hidden>' in page
    assert '<script src="../../assets/javascripts/decision.js"></script>' in page
    assert html_lib.unescape(re.search(r"<legend>(.*?)</legend>", page).group(1)) == D.questions[0].ask


@pytest.mark.parametrize(
    ("page_url", "src"),
    [
        ("choosing/decision/", "../../assets/javascripts/decision.js"),  # the published site
        ("choosing/decision.html", "../assets/javascripts/decision.js"),  # the offline edition
        ("", "assets/javascripts/decision.js"),
    ],
)
def test_the_script_is_reached_from_the_pages_own_folder(page_url, src):
    assert f'<script src="{src}"></script>' in decision.form(D, NAMES, page_url)


# Bad data is refused with file, key and line ---------------------------------------


def copy_data(tmp_path, decision_change=None, measured_change=None):
    """The real data/ in a temporary folder, with decision.yml and measured.yml changed in place."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in (ROOT / "data").glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for name, change in (("decision.yml", decision_change), ("measured.yml", measured_change)):
        if change:
            raw = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
            change(raw)
            (folder / name).write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def broken(tmp_path, change=None, measured=None) -> str:
    """What the build says of the changed data: the load's error, or the reasons' problems."""
    folder = copy_data(tmp_path, change, measured)
    try:
        site = data.load(folder)
    except data.DataError as err:
        return str(err)
    found = reasons.problems(site, (folder / "decision.yml").read_text(encoding="utf-8"))
    assert found, "the changed data loads and every reason holds"
    return "\n".join(found)


def where(qid: str, aid: str) -> str:
    """The key path of an answer in decision.yml, as error messages write it."""
    qi = next(i for i, q in enumerate(SITE.decision.questions) if q.id == qid)
    ai = next(i for i, a in enumerate(SITE.decision.questions[qi].answers) if a.id == aid)
    return rf"questions\.{qi}\.answers\.{ai}"


def the_answer(d: dict, qid: str, aid: str) -> dict:
    return next(a for q in d["questions"] if q["id"] == qid for a in q["answers"] if a["id"] == aid)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["questions"][0]["answers"][1].update(favours="rails"),
            r"questions\.0\.answers\.1\.favours: unknown framework 'rails'",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(fact="nope"),
            r"questions\.0\.answers\.1\.fact: unknown fact 'nope'",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].pop("fact"),
            r"questions\.0\.answers\.1: an answer that favours a framework names the `fact`",
        ),
        (
            lambda d: d["questions"][0]["answers"][2].update(fact="one_layout"),
            r"questions\.0\.answers\.2\.favours: fact 'one_layout' favours 'django' in another answer",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(page="elsewhere"),
            r"questions\.0\.answers\.1\.page: unknown page 'elsewhere'",
        ),
        (lambda d: d["say"].update(firm="Go {winner}"), r"say\.firm: unknown placeholder\(s\) \['winner'\]"),
        (lambda d: d["next"].update(pick="Open it in {leader}"), r"next\.pick: unknown placeholder\(s\) \['leader'\]"),
        (lambda d: d["next"].update(page="shop"), r"next\.page: unknown page 'shop'"),
        (lambda d: d["rules"].update(facts=1), r"rules\.facts: input should be greater than or equal to 2"),
        (
            lambda d: d["questions"][1]["answers"][0].update(id=True),
            r"questions\.1\.answers\.0\.id: YAML read true as true/false \(True\), but this is text; put it in quotes",
        ),
        (
            lambda d: d["pages"]["memory"].update(file="choosing/speed.md#"),
            r"pages\.memory\.file: string should match pattern",
        ),
        # `unless`: known facts, no chains, and the `otherwise` reason that goes with it.
        (
            lambda d: the_answer(d, "hosting", "memory")["unless"].append("nope"),
            where("hosting", "memory") + r"\.unless\.3: unknown fact 'nope'",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory")["unless"].append("small_footprint"),
            where("hosting", "memory")
            + r"\.unless\.3: fact 'small_footprint' is named by an answer that has `unless` itself",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory").pop("otherwise"),
            where("hosting", "memory")
            + r": an answer with `unless` favours a framework and gives the `otherwise` reason",
        ),
        (
            lambda d: the_answer(d, "traffic", "modest").update(otherwise="Why not."),
            where("traffic", "modest") + r"\.otherwise: `otherwise` is shown only when `unless` holds the points",
        ),
        # Measured figures: a key the data does not have, in a reason or in `measured`.
        (
            lambda d: the_answer(d, "traffic", "high").update(
                reason="It takes {figure benchmark.requests.rpc.cpu_ms.flask}."
            ),
            where("traffic", "high") + r"\.reason: figure 'benchmark\.requests\.rpc\.cpu_ms\.flask': no 'rpc' here",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory")["measured"].update({"benchmark.memory_mib.huge": "flask"}),
            where("hosting", "memory")
            + r"\.measured\.benchmark\.memory_mib\.huge: figure 'benchmark\.memory_mib\.huge': no 'huge' here",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory")["measured"].update({"benchmark.memory_mib.full": "rails"}),
            where("hosting", "memory") + r"\.measured\.benchmark\.memory_mib\.full: 'rails' is neither a framework",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory").update(measured={"benchmark.memory_mib.full": "django"}),
            where("hosting", "memory")
            + r"\.measured: the answer gives Flask points, but none of its figures clearly favours it",
        ),
        # A reason counted for a side never quotes a figure that favours the other (issue 23).
        (
            lambda d: the_answer(d, "hosting", "memory").update(
                reason="For the smallest app, {compare benchmark.memory_mib"
                ".smallest}; with the usual parts loaded it turns "
                "around: {compare benchmark.memory_mib.full}."
            ),
            where("hosting", "memory") + r"\.reason: the reason is counted for Flask \(\+1\), but it quotes "
            r"benchmark\.memory_mib\.full, which clearly favours Django \(`measured`\); "
            r"a reason may not score for a side its own figures argue against",
        ),
        (
            lambda d: the_answer(d, "hosting", "capped").update(reason="Django installs {figure project.size.django}."),
            where("hosting", "capped") + r"\.reason: .* quotes project\.size, which clearly favours Django",
        ),
        (
            lambda d: the_answer(d, "hosting", "memory").update(
                reason="It starts in {compare benchmark.startup_ms.smallest}."
            ),
            where("hosting", "memory")
            + r"\.reason: the reason is counted for Flask and quotes benchmark\.startup_ms\.smallest, "
            r"but `measured` does not say which framework that figure favours",
        ),
    ],
)
def test_bad_questionnaire_data_names_file_key_and_line(tmp_path, change, message):
    error = broken(tmp_path, change)
    assert re.search(r"data/decision\.yml, line \d+: " + message, error), error


# The measurements behind the answers ------------------------------------------------


def set_spread(node: dict, median: float) -> None:
    node.update(median=median, min=median, max=median)


def test_a_re_measure_rewrites_the_figures_in_the_reasons(tmp_path):
    """The numbers are the data's: change them (keeping the verdicts) and the reasons say the new ones."""

    def remeasure(m):
        set_spread(m["benchmark"]["memory_mib"]["smallest"]["flask"], 21.0)
        set_spread(m["benchmark"]["requests"]["json"]["cpu_ms"]["flask"], 0.31)
        m["project"]["flask"]["size_kib"] = 99 * 1024

    site = data.load(copy_data(tmp_path, measured_change=remeasure))
    d = reasons.resolved(site.decision, site)
    answers = {a.id: a for q in d.questions for a in q.answers if q.id in ("hosting", "traffic")}
    assert re.search(r"Flask uses [\d.]+× less memory \(21 MiB against \d+ MiB for Django", answers["memory"].reason)
    assert "0.31 ms in Flask" in answers["high"].reason
    assert "Flask installs 99.0 MiB against" in answers["capped"].otherwise
    assert answers["memory"].reason != answer("hosting", "memory").reason


@pytest.mark.parametrize(
    ("remeasure", "message"),
    [
        # The smallest Flask worker no longer clearly smaller: the point it gives is refused.
        (
            lambda m: set_spread(m["benchmark"]["memory_mib"]["smallest"]["django"], 30.0),
            where("hosting", "memory") + r"\.measured\.benchmark\.memory_mib\.smallest: the answer relies on "
            r"benchmark\.memory_mib\.smallest showing a clear difference for Flask, but data/measured\.yml now shows "
            r"no clear difference",
        ),
        # Django's full worker now the larger: "it turns around" would be false.
        (
            lambda m: set_spread(m["benchmark"]["memory_mib"]["full"]["django"], 90.0),
            where("hosting", "memory") + r"\.measured\.benchmark\.memory_mib\.full: .* now clearly favours Flask",
        ),
        # Flask no longer clearly cheaper per JSON request: "Flask spends less CPU time" would be false.
        (
            lambda m: set_spread(
                m["benchmark"]["requests"]["json"]["cpu_ms"]["flask"],
                m["benchmark"]["requests"]["json"]["cpu_ms"]["django"]["median"],
            ),
            where("traffic", "high") + r"\.measured\.benchmark\.requests\.json\.cpu_ms: the answer relies on "
            r"benchmark\.requests\.json\.cpu_ms showing a clear difference for Flask, but data/measured\.yml now "
            r"shows no clear difference",
        ),
        # Per text request, a clear difference: "for plain text the runs overlap" would be false.
        (
            lambda m: set_spread(m["benchmark"]["requests"]["text"]["cpu_ms"]["flask"], 0.1),
            where("traffic", "high") + r"\.measured\.benchmark\.requests\.text\.cpu_ms: the answer relies on "
            r"benchmark\.requests\.text\.cpu_ms showing no clear difference, "
            r"but data/measured\.yml now clearly favours Flask",
        ),
        # Installed sizes within 10% of each other: no clear difference.
        (
            lambda m: m["install"]["flask"].update(size_kib=m["install"]["django"]["size_kib"] - 100),
            where("hosting", "capped") + r"\.measured\.install\.size: .* now shows no clear difference",
        ),
    ],
)
def test_a_re_measure_that_changes_a_verdict_stops_the_build(tmp_path, remeasure, message):
    """`make measure` may write any figures (the data loads); the page is what refuses them."""
    folder = copy_data(tmp_path, measured_change=remeasure)
    site = data.load(folder)
    with pytest.raises(MacroError) as err:
        reasons.resolved(site.decision, site, (folder / "decision.yml").read_text(encoding="utf-8"))
    assert re.search(r"data/decision\.yml, line \d+: " + message, f"{err.value.where}: {err.value}"), err.value

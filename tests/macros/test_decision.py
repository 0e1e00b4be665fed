"""The questionnaire's rules (data/decision.yml, macros/decision.py), checked on reader profiles.

Profiles are question id -> answer id. Every profile the form can produce
(for the answers that score; neutral ones by a fixed random sample) is also
checked against the rules the page states: one fact counts once, one answer
never gives a firm recommendation, an answer with `unless` is held by the
facts it names, and the reasons never contradict the verdict.
"""

from __future__ import annotations

import functools
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


def test_a_single_answer_never_gives_a_firm_recommendation():
    for q in D.questions:
        for a in q.answers:
            v = verdict(**{q.id: a.id})
            assert v.kind != "firm", (q.id, a.id, v.reads)


FLASK_TEAM = dict(admin="yes", shape="webapp", experience="flask")
# (id, answers, kind, leader, totals (Flask, Django), the next step's framework,
#  {question: (its reason's kind, side, points, page)} for the reasons the case is about)
READERS = [
    ("API and a separate front end count once", dict(shape="api", frontend="separate"), "leans", "flask", (2, 0),
     "flask", {"shape": ("counted", "flask", 2, "scope"), "frontend": ("repeat", "flask", 0, "cors")}),
    ("Flask team, back office", dict(FLASK_TEAM, team="growing", deadline="weeks", frontend="builtin",
     hosting="ordinary"), "firm", "django", (0, 7), "django", {"experience": ("experience", "flask", 0, None)}),
    ("Flask team, live back office", dict(FLASK_TEAM, team="small", realtime="browser", background="yes",
     traffic="modest"), "firm", "django", (0, 5), "django",
     {"realtime": ("neutral", None, 0, "realtime"), "background": ("neutral", None, 0, "tasks")}),
    ("plain WebSocket clients count", dict(FLASK_TEAM, team="small", realtime="plain"), "firm", "django", (0, 6),
     "django", {"realtime": ("counted", "django", 1, "realtime")}),
    ("small API for partners", dict(team="small", shape="api", partners="yes", deadline="days", hosting="capped",
     traffic="modest", experience="neither"), "firm", "flask", (5, 0), "flask",
     {"partners": ("neutral", None, 0, "api_frameworks"), "hosting": ("counted", "flask", 1, "size")}),
    ("small memory budget, few add-ons", dict(shape="services", hosting="memory"), "firm", "flask", (4, 0), "flask",
     {"hosting": ("counted", "flask", 1, "memory")}),
    ("a held point cannot tip a close call", dict(team="teams", admin="yes", shape="services", hosting="memory"),
     "either", None, (3, 3), None, {"hosting": ("held", None, 0, "memory")}),
    ("high traffic", dict(traffic="high"), "either", None, (0, 0), None,
     {"traffic": ("neutral", None, 0, "requests")}),
    ("experience decides", dict(shape="api", frontend="separate", experience="django"), "experience", "flask", (2, 0),
     "django", {"experience": ("experience", "django", 0, None)}),
    ("clear Flask", dict(team="teams", admin="no", shape="services", deadline="days", frontend="separate",
     hosting="capped", experience="neither"), "firm", "flask", (8, 0), "flask", {}),
    ("clear Django", dict(team="growing", admin="yes", shape="content", deadline="weeks", experience="django"),
     "firm", "django", (0, 7), "django", {}),
    ("one fact said twice only leans", dict(admin="yes", shape="content"), "leans", "django", (0, 3), "django",
     {"shape": ("repeat", "django", 0, "admin")}),
    ("no firm lead", dict(team="teams", admin="yes"), "leans", "django", (2, 3), "django", {}),
    ("nothing either way", dict(admin="no", hosting="ordinary"), "either", None, (0, 0), None, {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "kind", "leader", "totals", "pick", "lines"), [r[1:] for r in READERS], ids=[r[0] for r in READERS]
)
def test_what_a_reader_is_told(answers, kind, leader, totals, pick, lines):
    """The cases issue 10 found contradictory, and one of each verdict; the wording is data/decision.yml's."""
    v = verdict(**answers)
    assert (v.kind, v.leader, (v.totals["flask"], v.totals["django"]), v.pick) == (kind, leader, totals, pick)
    by_question = {line.question: (line.kind, line.side, line.points, line.page) for line in v.lines}
    assert {q: by_question[q] for q in lines} == lines


def test_a_memory_point_is_held_by_any_answer_that_needs_add_ons_and_says_which():
    for qid, aid in [("admin", "yes"), ("shape", "webapp"), ("languages", "yes"), ("frontend", "builtin")]:
        many = verdict(**{qid: aid, "hosting": "memory"})
        held = next(line for line in many.lines if line.question == "hosting")
        assert held.kind == "held" and held.points == 0 and many.totals["flask"] == 0, (qid, aid)
        assert held.reads.startswith(f"For neither, because of your answer to “{text.plain(QUESTIONS[qid].ask)}”")
        assert speed.compare(SITE, "benchmark.memory_mib.full") in held.reads


def test_no_figure_is_typed_into_the_data():
    """Every number with a unit in a reason comes from a {figure}/{compare}/{fact} placeholder."""
    raw = SITE.decision
    for q in raw.questions:
        for a in q.answers:
            for said in (a.reason, a.otherwise or ""):
                bare = reasons.MEASURED.sub("", said)
                assert not re.search(r"\d\s*(ms|MiB|KiB|MB|requests/s|×)", bare), (q.id, a.id, said)


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
    assert html_lib.unescape(re.search(r"<legend>(.*?)</legend>", page).group(1)) == D.questions[0].ask


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


def at(qid: str, aid: str) -> tuple:
    """The key path of an answer in decision.yml."""
    qi = next(i for i, q in enumerate(SITE.decision.questions) if q.id == qid)
    return ("questions", qi, "answers", next(i for i, a in enumerate(D.questions[qi].answers) if a.id == aid))


def where(qid: str, aid: str) -> str:
    """The key path of an answer, as error messages write it (a regex)."""
    return re.escape(".".join(map(str, at(qid, aid))))


DROP = object()  # the key removed
MEMORY, CAPPED = at("hosting", "memory"), at("hosting", "capped")
Q0 = ("questions", 0, "answers")
ARGUES = "a reason may not score for a side its own figures argue against"
# (the key changed, the value written there (or DROP; one past a list's end appends),
#  what the message says after the path of the key's parent, as a regex)
DATA_MISTAKES = [
    ((*Q0, 1, "favours"), "rails", r"\.favours: unknown framework 'rails'"),
    ((*Q0, 1, "fact"), "nope", r"\.fact: unknown fact 'nope'"),
    ((*Q0, 1, "fact"), DROP, r": an answer that favours a framework names the `fact`"),
    ((*Q0, 2, "fact"), "one_layout", r"\.favours: fact 'one_layout' favours 'django' in another answer"),
    ((*Q0, 1, "page"), "elsewhere", r"\.page: unknown page 'elsewhere'"),
    (("say", "firm"), "Go {winner}", r"\.firm: unknown placeholder\(s\) \['winner'\]"),
    (("next", "pick"), "Open it in {leader}", r"\.pick: unknown placeholder\(s\) \['leader'\]"),
    (("next", "page"), "shop", r"\.page: unknown page 'shop'"),
    (("rules", "facts"), 1, r"\.facts: input should be greater than or equal to 2"),
    (
        ("questions", 1, "answers", 0, "id"),
        True,
        r"\.id: YAML read true as true/false \(True\), but this is text; put it in quotes",
    ),
    (("pages", "memory", "file"), "choosing/speed.md#", r"\.file: string should match pattern"),
    # `unless`: known facts, no chains, and the `otherwise` reason that goes with it.
    ((*MEMORY, "unless", 3), "nope", r"\.3: unknown fact 'nope'"),
    ((*MEMORY, "unless", 3), "small_footprint", r"\.3: fact 'small_footprint' is named by an answer that has `unless`"),
    ((*MEMORY, "otherwise"), DROP, r": an answer with `unless` favours a framework and gives the `otherwise` reason"),
    (
        (*at("traffic", "modest"), "otherwise"),
        "Why not.",
        r"\.otherwise: `otherwise` is shown only when `unless` holds the points",
    ),
    # Measured figures: a key the data does not have, in a reason or in `measured`.
    (
        (*at("traffic", "high"), "reason"),
        "It takes {figure benchmark.requests.rpc.cpu_ms.flask}.",
        r"\.reason: figure 'benchmark\.requests\.rpc\.cpu_ms\.flask': no 'rpc' here",
    ),
    (
        (*MEMORY, "measured", "benchmark.memory_mib.huge"),
        "flask",
        r"\.benchmark\.memory_mib\.huge: figure 'benchmark\.memory_mib\.huge': no 'huge' here",
    ),
    ((*MEMORY, "measured", "benchmark.memory_mib.full"), "rails", r"\.benchmark\.memory_mib\.full: 'rails' is neither"),
    (
        (*MEMORY, "measured"),
        {"benchmark.memory_mib.full": "django"},
        r"\.measured: the answer gives Flask points, but none of its figures clearly favours it",
    ),
    # A reason counted for a side never quotes a figure that favours the other (issue 23).
    (
        (*MEMORY, "reason"),
        "For the smallest app, {compare benchmark.memory_mib.smallest}; with the usual parts loaded it turns "
        "around: {compare benchmark.memory_mib.full}.",
        r"\.reason: the reason is counted for Flask \(\+1\), but it quotes benchmark\.memory_mib\.full, which "
        rf"clearly favours Django \(`measured`\); {ARGUES}",
    ),
    (
        (*CAPPED, "reason"),
        "Django installs {figure project.size.django}.",
        r"\.reason: .* quotes project\.size, which clearly favours Django",
    ),
    (
        (*MEMORY, "reason"),
        "It starts in {compare benchmark.startup_ms.smallest}.",
        r"\.reason: the reason is counted for Flask and quotes benchmark\.startup_ms\.smallest, "
        r"but `measured` does not say which framework that figure favours",
    ),
]


def write_at(path: tuple, value):
    """A change to decision.yml's content: ``value`` at ``path``."""

    def change(d: dict) -> None:
        *parents, last = path
        node = functools.reduce(lambda n, k: n[k], parents, d)
        if value is DROP:
            del node[last]
        elif isinstance(node, list) and last == len(node):
            node.append(value)
        else:
            node[last] = value

    return change


@pytest.mark.parametrize(("path", "value", "says"), DATA_MISTAKES, ids=lambda v: None)
def test_bad_questionnaire_data_names_file_key_and_line(tmp_path, path, value, says):
    error = broken(tmp_path, write_at(path, value))
    parent = re.escape(".".join(map(str, path[:-1])))
    assert re.search(rf"data/decision\.yml, line \d+: {parent}{says}", error), error


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

"""The "How to choose" questionnaire: check its data, score a reader's answers, render the page parts.

data/decision.yml holds the questions, the points, the facts answers stand
for and every sentence a result can show (validated by ``macros.data.Decision``).
:func:`score` is the algorithm; docs/assets/javascripts/decision.js does the
same steps in the reader's browser on a JSON copy of the data that
:func:`form` writes into the page, and tests/browser/test_decision.py checks
that both give the same result. :func:`rules` writes the same rules as a list
for readers without scripts.

Before any of it, macros/reasons.py's ``resolved`` fills the measured figures
into the reasons ({figure KEY}, {compare KEY}, {fact KEY}, as the speed page's
macros write them) and fails the page's build when a figure an answer relies
on no longer shows the difference the answer claims. This module imports none
of the figures' modules, so data.py can run :func:`problems` as it loads.

The algorithm, in order:

0. An answer with ``unless`` is *held* when another chosen answer stands for
   one of the facts it lists: it counts for neither and shows its
   ``otherwise`` reason (the first such answer, in question order, is named).
1. Each answered question gives one answer. An answer may favour one
   framework by some points and stand for a *fact*. Answers that stand for the
   same fact count once, at the highest points among them (the first such
   answer, in question order, is the one counted).
2. Each framework's total is the sum of its counted facts. The leader is the
   framework with the highest total; its lead is the gap to the next.
3. A firm recommendation needs a lead of at least ``rules.lead`` points from
   at least ``rules.facts`` separate facts, so one answer never gives one.
4. What the team knows adds no points. Without a firm recommendation, the
   framework the team knows decides, and the result says so; if the team
   knows neither better (or the question is unanswered), the result says
   which framework the answers lean to, or that either fits. With a firm recommendation, the result
   says whether the team's experience agrees or what learning costs.
5. The next step names a framework (*pick*): the leader of a firm or leaning
   result, or the one the team knows when experience decides; none otherwise.
6. The reasons are shown in groups, what decides first (:func:`_grouped`):
   experience when it decides, else the leader's reasons, heaviest first;
   then the other framework's; those counted once or held back; the neutral
   ones; and experience last when it does not decide.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from . import text

if TYPE_CHECKING:
    from .data import Answer, Decision, Question

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The values each sentence may use.
ALLOWED = {
    "say": {
        "nothing": set(),
        "firm": {"leader"},
        "experience": {"known"},
        "leans": {"leader"},
        "either": set(),
        "totals": {"totals"},
        "firm_basis": {"leader", "lead", "facts"},
        "open_basis": {"lead", "facts"},
        "counted": {"side", "points", "reason"},
        "repeat": {"side", "first", "reason"},
        "neutral": {"reason"},
        "experience_line": {"text"},
        "see": {"page"},
        "held": {"first", "reason"},
    },
    "groups": {"decides": set(), "side": {"side", "points"}, "repeat": set(), "neutral": set(), "experience": set()},
    "next": {"pick": {"pick"}, "both": set()},
    "rules": {"explained": {"lead", "facts"}},
    "says": {
        "decides": {"known"},
        "agrees": {"leader"},
        "differs": {"known", "leader"},
        "neither_firm": set(),
        "neither_open": set(),
    },
}


# Checking ---------------------------------------------------------------------


def problems(d: Decision, frameworks: list[str]) -> list[tuple[tuple, str]]:
    """What is inconsistent in the questionnaire data, as (key path, message) pairs.

    The measured figures its reasons quote are macros/reasons.py's to check.
    """
    found: list[tuple[tuple, str]] = []
    favour_of: dict[str, tuple[str, tuple]] = {}
    ids = [q.id for q in d.questions] + [d.experience.id]
    for qi, q in enumerate(d.questions):
        where = ("questions", qi)
        if ids.count(q.id) > 1:
            found.append((where + ("id",), f"question id {q.id!r} is used twice"))
        answer_ids = [a.id for a in q.answers]
        for ai, a in enumerate(q.answers):
            at = where + ("answers", ai)
            if answer_ids.count(a.id) > 1:
                found.append((at + ("id",), f"answer id {a.id!r} is used twice in question {q.id!r}"))
            if a.page is not None and a.page not in d.pages:
                found.append((at + ("page",), f"unknown page {a.page!r}; `pages` defines {sorted(d.pages)}"))
            if a.favours is None:
                if a.points or a.fact:
                    found.append((at, "an answer with points or a fact must say which framework it `favours`"))
                continue
            if a.favours not in frameworks:
                found.append(
                    (at + ("favours",), f"unknown framework {a.favours!r}; frameworks.yml defines {sorted(frameworks)}")
                )
            if a.points < 1:
                found.append((at + ("points",), "an answer that favours a framework gives it 1 point or more"))
            if a.fact is None:
                found.append((at, "an answer that favours a framework names the `fact` it stands for"))
            elif a.fact not in d.facts:
                found.append((at + ("fact",), f"unknown fact {a.fact!r}; `facts` defines {sorted(d.facts)}"))
            elif a.fact in favour_of and favour_of[a.fact][0] != a.favours:
                found.append(
                    (
                        at + ("favours",),
                        f"fact {a.fact!r} favours {favour_of[a.fact][0]!r} in another "
                        f"answer; one fact counts for one framework",
                    )
                )
            else:
                favour_of.setdefault(a.fact, (a.favours, at))
    for fact in d.facts:
        if fact not in favour_of:
            found.append((("facts", fact), f"fact {fact!r} is named by no answer"))
    found += _held_problems(d)
    if d.next.page not in d.pages:
        found.append((("next", "page"), f"unknown page {d.next.page!r}; `pages` defines {sorted(d.pages)}"))
    known_ids = [k.id for k in d.experience.answers]
    for ai, k in enumerate(d.experience.answers):
        if known_ids.count(k.id) > 1:
            found.append((("experience", "answers", ai, "id"), f"answer id {k.id!r} is used twice"))
        if k.knows is not None and k.knows not in frameworks:
            found.append(
                (
                    ("experience", "answers", ai, "knows"),
                    f"unknown framework {k.knows!r}; frameworks.yml defines {sorted(frameworks)}",
                )
            )
    for group, model, path in (
        ("say", d.say, ("say",)),
        ("groups", d.say.groups, ("say", "groups")),
        ("says", d.experience.says, ("experience", "says")),
        ("next", d.next, ("next",)),
        ("rules", d.rules, ("rules",)),
    ):
        for key, allowed in ALLOWED[group].items():
            unknown = set(PLACEHOLDER.findall(getattr(model, key))) - allowed
            if unknown:
                found.append(
                    (
                        path + (key,),
                        f"unknown placeholder(s) {sorted(unknown)}; this sentence may use {sorted(allowed) or 'none'}",
                    )
                )
    return found


def _held_problems(d: Decision) -> list[tuple[tuple, str]]:
    """`unless` names facts of answers that are never held themselves, and comes with `otherwise`."""
    found: list[tuple[tuple, str]] = []
    holders = {a.fact for q in d.questions for a in q.answers if a.unless}
    for qi, q in enumerate(d.questions):
        for ai, a in enumerate(q.answers):
            at = ("questions", qi, "answers", ai)
            if a.unless and (a.favours is None or a.otherwise is None):
                found.append(
                    (
                        at,
                        "an answer with `unless` favours a framework and gives the "
                        "`otherwise` reason shown when its points are held",
                    )
                )
            if a.otherwise is not None and not a.unless:
                found.append(
                    (
                        at + ("otherwise",),
                        "`otherwise` is shown only when `unless` holds the points; add `unless` or remove it",
                    )
                )
            for i, fact in enumerate(a.unless):
                if fact not in d.facts:
                    found.append((at + ("unless", i), f"unknown fact {fact!r}; `facts` defines {sorted(d.facts)}"))
                elif fact == a.fact or fact in holders:
                    found.append(
                        (
                            at + ("unless", i),
                            f"fact {fact!r} is named by an answer that has `unless` "
                            "itself; one answer may hold another, never a chain",
                        )
                    )
    return found


# Scoring ----------------------------------------------------------------------


def fill(template: str, **values: object) -> str:
    """``template`` with each {name} replaced by its value, in one pass."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


@dataclass(frozen=True)
class Line:
    """One reason under the verdict."""

    kind: str  # counted, repeat, held, neutral or experience
    text: str  # with `code` in backticks, as the script renders it
    question: str
    answer: str
    side: str | None = None
    points: int = 0
    page: str | None = None
    group: str = ""  # the title of the group it is shown in

    @property
    def reads(self) -> str:
        return text.plain(self.text)


@dataclass(frozen=True)
class Verdict:
    kind: str  # nothing, firm, experience, leans or either
    leader: str | None
    known: str | None
    totals: dict[str, int]
    lead: int
    facts: int  # separate facts behind the leader
    headline: str
    summary: str
    lines: list[Line] = field(default_factory=list)
    pick: str | None = None  # the framework the next step sets the tabs to
    next: str = ""  # the next step's link text

    @property
    def reads(self) -> str:
        """The result as a reader reads it: headline, summary, then each reason on its own line."""
        head = f"{self.headline} {self.summary}".strip()
        return "\n".join([text.plain(head), *(line.reads for line in self.lines)])


def _chosen(d: Decision, answers: Mapping[str, str]) -> list[tuple[Question, Answer]]:
    chosen = []
    for q in d.questions:
        if q.id in answers:
            match = [a for a in q.answers if a.id == answers[q.id]]
            if not match:
                raise KeyError(f"question {q.id!r} has no answer {answers[q.id]!r}")
            chosen.append((q, match[0]))
    return chosen


def score(d: Decision, names: Mapping[str, str], answers: Mapping[str, str]) -> Verdict:
    """The verdict for ``answers`` (question id -> answer id; unanswered questions left out).

    ``names`` maps framework ids to display names, in the order of frameworks.yml.
    """
    chosen = _chosen(d, answers)
    held: dict[str, Question] = {}  # question id of a held answer -> the question that holds it
    for q, a in chosen:
        by = next((q2 for q2, a2 in chosen if a2 is not a and a2.fact and a2.fact in a.unless), None)
        if by is not None:
            held[q.id] = by
    # fact -> the answer counted for it and the side it favours (problems() gives
    # every answer that favours a framework a fact).
    best: dict[str, tuple[Question, Answer, str]] = {}
    for q, a in chosen:
        if a.favours and a.fact and q.id not in held and (a.fact not in best or a.points > best[a.fact][1].points):
            best[a.fact] = (q, a, a.favours)
    totals = {fw: 0 for fw in names}
    facts = {fw: 0 for fw in names}
    for _, a, side in best.values():
        totals[side] += a.points
        facts[side] += 1
    ranked = sorted(names, key=lambda fw: -totals[fw])
    lead = totals[ranked[0]] - (totals[ranked[1]] if len(ranked) > 1 else 0)
    leader = ranked[0] if lead > 0 else None
    firm = leader is not None and lead >= d.rules.lead and facts[leader] >= d.rules.facts

    known_answer = None
    if d.experience.id in answers:
        match = [a for a in d.experience.answers if a.id == answers[d.experience.id]]
        if not match:
            raise KeyError(f"question {d.experience.id!r} has no answer {answers[d.experience.id]!r}")
        known_answer = match[0]
    known = known_answer.knows if known_answer else None

    if not chosen and known_answer is None:
        kind = "nothing"
    elif firm:
        kind = "firm"
    elif known:
        kind = "experience"
    elif leader:
        kind = "leans"
    else:
        kind = "either"

    say = d.say
    lines = []
    for q, a in chosen:
        see = fill(say.see, page=d.pages[a.page].title) if a.page else ""
        if q.id in held:
            said = fill(say.held, first=held[q.id].ask, reason=a.otherwise)
            lines.append(Line("held", said + see, q.id, a.id, page=a.page))
        elif a.favours is None or a.fact is None:
            lines.append(Line("neutral", fill(say.neutral, reason=a.reason) + see, q.id, a.id, page=a.page))
        elif best[a.fact][1] is a:
            said = fill(say.counted, side=names[a.favours], points=a.points, reason=a.reason)
            lines.append(Line("counted", said + see, q.id, a.id, a.favours, a.points, a.page))
        else:
            said = fill(say.repeat, side=names[a.favours], first=best[a.fact][0].ask, reason=a.reason)
            lines.append(Line("repeat", said + see, q.id, a.id, a.favours, 0, a.page))
    if known_answer is not None:
        says = d.experience.says
        # firm means there is a leader, and experience decides only when known.
        if kind == "experience" and known:
            said = fill(says.decides, known=names[known])
        elif firm and leader and known == leader:
            said = fill(says.agrees, leader=names[leader])
        elif firm and leader and known:
            said = fill(says.differs, known=names[known], leader=names[leader])
        else:
            said = says.neither_firm if firm else says.neither_open
        lines.append(Line("experience", fill(say.experience_line, text=said), d.experience.id, known_answer.id, known))

    lines = _grouped(lines, say.groups, kind, ranked, totals, names)

    headline = {
        "nothing": say.nothing,
        "firm": fill(say.firm, leader=names[leader]) if firm and leader else "",
        "experience": fill(say.experience, known=names[known]) if known else "",
        "leans": fill(say.leans, leader=names[leader]) if leader else "",
        "either": say.either,
    }[kind]
    summary = ""
    if kind != "nothing":
        summary = fill(say.totals, totals=", ".join(f"{names[fw]} {totals[fw]}" for fw in names)) + " "
        summary += (
            fill(say.firm_basis, leader=names[leader], lead=lead, facts=facts[leader])
            if firm and leader
            else fill(say.open_basis, lead=d.rules.lead, facts=d.rules.facts)
        )
    pick = {"firm": leader, "leans": leader, "experience": known}.get(kind)
    following = "" if kind == "nothing" else fill(d.next.pick, pick=names[pick]) if pick else d.next.both
    return Verdict(
        kind, leader, known, totals, lead, facts[leader] if leader else 0, headline, summary, lines, pick, following
    )


def _grouped(
    lines: list[Line], groups, kind: str, ranked: list[str], totals: Mapping[str, int], names: Mapping[str, str]
) -> list[Line]:
    """The reasons in the order shown, each with its group's title: what decides first.

    Experience leads when it decides. Then the reasons counted for each
    framework, the leader's first and the heaviest first within it; then the
    ones counted once with another answer or held back; the neutral ones; and
    experience last when it does not decide. Ties keep question order.
    """

    def place(i: int, line: Line) -> tuple[int, int, int]:
        if line.kind == "experience":
            return (0 if kind == "experience" else 99, 0, i)
        if line.kind == "counted" and line.side:
            return (1 + ranked.index(line.side), -line.points, i)
        return (50 if line.kind in ("repeat", "held") else 60, 0, i)

    def title(line: Line) -> str:
        if line.kind == "experience":
            return groups.decides if kind == "experience" else groups.experience
        if line.kind == "counted" and line.side:
            return fill(groups.side, side=names[line.side], points=totals[line.side])
        return groups.repeat if line.kind in ("repeat", "held") else groups.neutral

    order = sorted(range(len(lines)), key=lambda i: place(i, lines[i]))
    return [replace(lines[i], group=title(lines[i])) for i in order]


# Rendering --------------------------------------------------------------------


NUMBERS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def question_count(d: Decision, capital: bool = False) -> str:
    """How many questions the form asks (``questions`` and ``experience``), in words up to
    twenty ("twelve"), for prose that describes the questionnaire elsewhere (the home card)."""
    n = len(d.questions) + 1
    word = NUMBERS[n] if n < len(NUMBERS) else str(n)
    return word[:1].upper() + word[1:] if capital else word


def _relative(target: str, here: str) -> str:
    """A docs/ path ``target`` as a Markdown link from the page ``here`` (both inside docs/)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def form(d: Decision, names: Mapping[str, str], page_url: str) -> str:
    """The form (hidden until the script reveals it), the rules as JSON, and the script tag.

    ``page_url`` is the page's address relative to the site root (``choosing/decision/``),
    used to reach the script from the page.
    """

    def fieldset(qid: str, ask: str, answers) -> list[str]:
        out = ["  <fieldset>", f"    <legend>{text.inline(ask)}</legend>"]
        for a in answers:
            input_id = f"q-{qid}-{a.id}"
            out.append(
                f'    <div><input type="radio" name="{qid}" id="{input_id}" value="{a.id}"> '
                f'<label for="{input_id}">{text.inline(a.label)}</label></div>'
            )
        out.append("  </fieldset>")
        return out

    # data-skip: the text of the link the script puts beside the theme's "Skip to content".
    lines = ['<form id="decision-form" class="decision-form" data-skip="Go to the questions" hidden>']
    for q in d.questions:
        lines += fieldset(q.id, q.ask, q.answers)
    lines += fieldset(d.experience.id, d.experience.ask, d.experience.answers)
    lines += [
        '  <p class="decision-buttons">',
        '    <button type="submit" class="md-button md-button--primary">Show my recommendation</button>',
        '    <button type="reset" class="md-button">Start again</button>',
        "  </p>",
        # The verdict goes into the live region (announced); the reasons and the next step follow it.
        '  <div id="decision-result" class="decision-result">',
        '    <div id="decision-status" role="status" aria-live="polite" aria-atomic="true"></div>',
        "  </div>",
        "</form>",
    ]
    # Only what the script reads: the labels are in the form, `measured` was checked by the build.
    unread: dict[str, Any] = {
        "facts": True,
        "rules": {"explained"},
        "pages": {"__all__": {"file"}},
        "questions": {"__all__": {"answers": {"__all__": {"label", "measured"}}}},
        "experience": {"ask": True, "answers": {"__all__": {"label"}}},
    }
    payload = {"names": dict(names), **d.model_dump(mode="json", exclude=unread)}
    blob = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    # Nothing in the blob may end the <script> element or read as markup.
    blob = blob.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # The page's folder is as deep as its address has slashes: "choosing/decision/"
    # (directory URLs) and "choosing/decision.html" (the offline edition) differ.
    src = "../" * page_url.count("/") + "assets/javascripts/decision.js"
    lines += [
        f'<script type="application/json" id="decision-rules">{blob}</script>',
        f'<script src="{html.escape(src)}"></script>',
    ]
    return "\n".join(lines) + "\n"


def rules(d: Decision, names: Mapping[str, str], here: str) -> str:
    """The scoring rules and every answer's worth, as Markdown, for reading without scripts.

    ``here`` is the calling page's path inside docs/ (``choosing/decision.md``), for links.
    """
    out = [text.inline(fill(d.rules.explained, lead=d.rules.lead, facts=d.rules.facts)), ""]

    def link(page: str) -> str:
        p = d.pages[page]
        return f"[{text.inline(p.title)}]({_relative(p.file, here)})"

    for q in d.questions:
        out.append(text.inline(q.ask))
        for a in q.answers:
            worth = f"**{text.escape(names[a.favours])} +{a.points}**" if a.favours else "neither"
            see = f" See {link(a.page)}." if a.page else ""
            unless = ", *unless* another answer stands for a fact listed after the questions" if a.unless else ""
            out.append(f":   *{text.inline(a.label)}*: {worth}{unless}. {text.inline(a.reason)}{see}")
        out.append("")
    out.append(text.inline(d.experience.ask))
    for k in d.experience.answers:
        if k.knows:
            out.append(
                f":   *{text.inline(k.label)}*: no points. Without a firm recommendation, "
                f"{text.escape(names[k.knows])} is the one to start with."
            )
        else:
            out.append(f":   *{text.inline(k.label)}*: no points. Without a firm recommendation, either fits.")
    out.append("")

    shared: dict[str, list[tuple[Question, Answer]]] = {}
    for q in d.questions:
        for a in q.answers:
            if a.fact:
                shared.setdefault(a.fact, []).append((q, a))
    shared = {f: qa for f, qa in shared.items() if len(qa) > 1}
    if shared:
        out += ["These answers stand for the same fact, so only the highest of each group counts:", ""]
        for fact, qa in shared.items():
            which = "; ".join(f"*{text.inline(a.label)}* ({text.inline(q.ask)})" for q, a in qa)
            out.append(f"- {text.inline(d.facts[fact])} Counted once across: {which}.")
        out.append("")
    held: dict[tuple[str, ...], list] = {}
    for q in d.questions:
        for a in q.answers:
            if a.unless:
                held.setdefault(tuple(a.unless), []).append((q, a))
    if held:
        out += [
            "These answers count for neither when another answer stands for one of the facts listed with "
            "them, and the result then says why:",
            "",
        ]
        for facts, qa in held.items():
            which = "; ".join(f"*{text.inline(a.label)}* ({text.inline(q.ask)})" for q, a in qa)
            out.append(f"- {which}: " + " ".join(text.inline(d.facts[f]) for f in facts))
        out.append("")
    reading = ", ".join(f'{link(key)}{{ data-page="{key}" }}' for key in d.pages)
    out += [f"The reasons link to these pages, which explain each one with the evidence: {reading}.", ""]
    return "\n".join(out)

"""The "How to choose" questionnaire: check its data, score a reader's answers, render the page parts.

data/decision.yml holds the questions, the points, the facts answers stand
for and every sentence a result can show (validated by ``macros.data.Decision``).
:func:`score` is the algorithm; docs/assets/javascripts/decision.js does the
same steps in the reader's browser on a JSON copy of the data that
:func:`form` writes into the page, and tests/browser/test_decision.py checks
that both give the same result. :func:`rules` writes the same rules as a list
for readers without scripts.

The algorithm, in order:

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
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from . import text

if TYPE_CHECKING:
    from .data import Answer, Decision, Question

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The values each sentence may use.
ALLOWED = {
    "say": {
        "nothing": set(), "firm": {"leader"}, "experience": {"known"}, "leans": {"leader"}, "either": set(),
        "totals": {"totals"}, "firm_basis": {"leader", "lead", "facts"}, "open_basis": {"lead", "facts"},
        "counted": {"side", "points", "reason"}, "repeat": {"side", "first", "reason"},
        "neutral": {"reason"}, "experience_line": {"text"}, "see": {"page"},
    },
    "says": {
        "decides": {"known"}, "agrees": {"leader"}, "differs": {"known", "leader"},
        "neither_firm": set(), "neither_open": set(),
    },
}


# Checking ---------------------------------------------------------------------


def problems(d: Decision, frameworks: list[str]) -> list[tuple[tuple, str]]:
    """What is inconsistent in the questionnaire data, as (key path, message) pairs."""
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
                found.append((at + ("favours",), f"unknown framework {a.favours!r}; frameworks.yml defines {sorted(frameworks)}"))
            if a.points < 1:
                found.append((at + ("points",), "an answer that favours a framework gives it 1 point or more"))
            if a.fact is None:
                found.append((at, "an answer that favours a framework names the `fact` it stands for"))
            elif a.fact not in d.facts:
                found.append((at + ("fact",), f"unknown fact {a.fact!r}; `facts` defines {sorted(d.facts)}"))
            elif a.fact in favour_of and favour_of[a.fact][0] != a.favours:
                found.append((at + ("favours",), f"fact {a.fact!r} favours {favour_of[a.fact][0]!r} in another "
                                                  f"answer; one fact counts for one framework"))
            else:
                favour_of.setdefault(a.fact, (a.favours, at))
    for fact in d.facts:
        if fact not in favour_of:
            found.append((("facts", fact), f"fact {fact!r} is named by no answer"))
    known_ids = [a.id for a in d.experience.answers]
    for ai, a in enumerate(d.experience.answers):
        if known_ids.count(a.id) > 1:
            found.append((("experience", "answers", ai, "id"), f"answer id {a.id!r} is used twice"))
        if a.knows is not None and a.knows not in frameworks:
            found.append((("experience", "answers", ai, "knows"),
                          f"unknown framework {a.knows!r}; frameworks.yml defines {sorted(frameworks)}"))
    for group, model, path in (("say", d.say, ("say",)), ("says", d.experience.says, ("experience", "says"))):
        for key, allowed in ALLOWED[group].items():
            unknown = set(PLACEHOLDER.findall(getattr(model, key))) - allowed
            if unknown:
                found.append((path + (key,), f"unknown placeholder(s) {sorted(unknown)}; this sentence may use "
                                             f"{sorted(allowed) or 'none'}"))
    return found


# Scoring ----------------------------------------------------------------------


def fill(template: str, **values: object) -> str:
    """``template`` with each {name} replaced by its value, in one pass."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


@dataclass(frozen=True)
class Line:
    """One reason under the verdict."""

    kind: str  # counted, repeat, neutral or experience
    text: str  # with `code` in backticks, as the script renders it
    question: str
    answer: str
    side: str | None = None
    points: int = 0
    page: str | None = None

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
    best: dict[str, tuple[Question, Answer]] = {}
    for q, a in chosen:
        if a.favours and (a.fact not in best or a.points > best[a.fact][1].points):
            best[a.fact] = (q, a)
    totals = {fw: 0 for fw in names}
    facts = {fw: 0 for fw in names}
    for _, a in best.values():
        totals[a.favours] += a.points
        facts[a.favours] += 1
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
        if a.favours is None:
            lines.append(Line("neutral", fill(say.neutral, reason=a.reason) + see, q.id, a.id, page=a.page))
        elif best[a.fact][1] is a:
            said = fill(say.counted, side=names[a.favours], points=a.points, reason=a.reason)
            lines.append(Line("counted", said + see, q.id, a.id, a.favours, a.points, a.page))
        else:
            said = fill(say.repeat, side=names[a.favours], first=best[a.fact][0].ask, reason=a.reason)
            lines.append(Line("repeat", said + see, q.id, a.id, a.favours, 0, a.page))
    if known_answer is not None:
        says = d.experience.says
        if kind == "experience":
            said = fill(says.decides, known=names[known])
        elif firm and known == leader:
            said = fill(says.agrees, leader=names[leader])
        elif firm and known:
            said = fill(says.differs, known=names[known], leader=names[leader])
        else:
            said = says.neither_firm if firm else says.neither_open
        lines.append(Line("experience", fill(say.experience_line, text=said), d.experience.id, known_answer.id, known))

    headline = {
        "nothing": say.nothing,
        "firm": fill(say.firm, leader=names[leader]) if firm else "",
        "experience": fill(say.experience, known=names[known]) if known else "",
        "leans": fill(say.leans, leader=names[leader]) if leader else "",
        "either": say.either,
    }[kind]
    summary = ""
    if kind != "nothing":
        summary = fill(say.totals, totals=", ".join(f"{names[fw]} {totals[fw]}" for fw in names)) + " "
        summary += (fill(say.firm_basis, leader=names[leader], lead=lead, facts=facts[leader]) if firm
                    else fill(say.open_basis, lead=d.rules.lead, facts=d.rules.facts))
    return Verdict(kind, leader, known, totals, lead, facts[leader] if leader else 0, headline, summary, lines)


# Rendering --------------------------------------------------------------------


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
            out.append(f'    <div><input type="radio" name="{qid}" id="{input_id}" value="{a.id}"> '
                       f'<label for="{input_id}">{text.inline(a.label)}</label></div>')
        out.append("  </fieldset>")
        return out

    lines = ['<form id="decision-form" class="decision-form" hidden>']
    for q in d.questions:
        lines += fieldset(q.id, q.ask, q.answers)
    lines += fieldset(d.experience.id, d.experience.ask, d.experience.answers)
    lines += [
        '  <p class="decision-buttons">',
        '    <button type="submit" class="md-button md-button--primary">Show my recommendation</button>',
        '    <button type="reset" class="md-button">Start again</button>',
        "  </p>",
        '  <div id="decision-result" class="decision-result" role="status" aria-live="polite"></div>',
        "</form>",
    ]
    payload = {"names": dict(names), **d.model_dump(mode="json")}
    blob = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    # Nothing in the blob may end the <script> element or read as markup.
    blob = blob.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # The page's folder is as deep as its address has slashes: "choosing/decision/"
    # (directory URLs) and "choosing/decision.html" (the offline edition) differ.
    src = "../" * page_url.count("/") + "assets/javascripts/decision.js"
    lines += [f'<script type="application/json" id="decision-rules">{blob}</script>',
              f'<script src="{html.escape(src)}"></script>']
    return "\n".join(lines) + "\n"


def rules(d: Decision, names: Mapping[str, str], here: str) -> str:
    """The scoring rules and every answer's worth, as Markdown, for reading without scripts.

    ``here`` is the calling page's path inside docs/ (``choosing/decision.md``), for links.
    """
    r = d.rules
    out = [
        "Each answer below adds points to one framework, or to neither. Answers "
        "that stand for the same fact count once, at their highest weight (the "
        "facts that several answers share are listed after the questions). A "
        f"firm recommendation needs a lead of at least {r.lead} points from at "
        f"least {r.facts} separate facts, so no single answer gives one. What "
        "your team already knows adds no points: without a firm recommendation "
        "it decides, and if the team knows neither better, either framework "
        "fits. The questionnaire above applies exactly these rules.",
        "",
    ]

    def link(page: str) -> str:
        p = d.pages[page]
        return f"[{text.inline(p.title)}]({_relative(p.file, here)})"

    for q in d.questions:
        out.append(text.inline(q.ask))
        for a in q.answers:
            worth = f"**{text.escape(names[a.favours])} +{a.points}**" if a.favours else "neither"
            see = f" See {link(a.page)}." if a.page else ""
            out.append(f":   *{text.inline(a.label)}*: {worth}. {text.inline(a.reason)}{see}")
        out.append("")
    out.append(text.inline(d.experience.ask))
    for a in d.experience.answers:
        if a.knows:
            out.append(f":   *{text.inline(a.label)}*: no points. Without a firm recommendation, "
                       f"{text.escape(names[a.knows])} is the one to start with.")
        else:
            out.append(f":   *{text.inline(a.label)}*: no points. Without a firm recommendation, either fits.")
    out.append("")

    shared = {}
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
    reading = ", ".join(f'{link(key)}{{ data-page="{key}" }}' for key in d.pages)
    out += [f"The reasons link to these pages, which explain each one with the evidence: {reading}.", ""]
    return "\n".join(out)

"""A questionnaire reason's measured figures: written in from data/measured.yml, and checked against it.

A reason in data/decision.yml may quote a figure as the speed page's macros
write it: ``{figure KEY}``, ``{compare KEY}`` or ``{fact KEY}``. Its answer's
``measured:`` says which framework each quoted figure clearly favours (or
``neither``). :func:`problems` checks that every quoted key exists and that no
reason counted for one side quotes a figure that favours the other;
:func:`resolved` writes the figures in for the page and fails its build when a
re-measure no longer shows what an answer relies on (:func:`verdict_problems`).
The "clear winner" rule itself is macros/speed.py's (:func:`macros.speed.winner`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from . import speed, tables
from .data import Answer, Data, Decision
from .datafile import line_of, where
from .errors import MacroError

# A measured figure in a reason, filled in at build time: {figure KEY}, {compare KEY}, {fact KEY}.
MEASURED = re.compile(r"\{(figure|compare|fact) ([^{}\s]+)\}")
NEITHER = "neither"


def problems(site: Data, source: str) -> list[str]:
    """Each reason's quoted figures against data/measured.yml, as "data/decision.yml, line N: key: message"."""
    frameworks = list(site.frameworks)
    return [
        f"{where('decision.yml', source, path)}: {message}"
        for path, message in _problems(site.decision, frameworks, site)
    ]


def fill(template: str, site: Data) -> str:
    """``template`` with every {figure KEY}, {compare KEY} and {fact KEY} filled from the data."""
    render = {"figure": speed.figure, "compare": speed.compare, "fact": tables.fact}
    return MEASURED.sub(lambda m: render[m.group(1)](site, m.group(2)), template)


def _problems(d: Decision, frameworks: list[str], site: Data) -> list[tuple[tuple, str]]:
    found: list[tuple[tuple, str]] = []
    names = {key: fw.name for key, fw in site.frameworks.items()}
    for qi, q in enumerate(d.questions):
        for ai, a in enumerate(q.answers):
            at = ("questions", qi, "answers", ai)
            for key in ("reason", "otherwise"):
                try:
                    fill(getattr(a, key) or "", site)
                except MacroError as exc:
                    found.append((at + (key,), str(exc)))
            for figure, expected in a.measured.items():
                if expected != NEITHER and expected not in frameworks:
                    found.append(
                        (
                            at + ("measured", figure),
                            f"{expected!r} is neither a framework ({sorted(frameworks)}) nor {NEITHER!r}",
                        )
                    )
                    continue
                try:
                    speed.winner(site, figure)
                except MacroError as exc:
                    found.append((at + ("measured", figure), str(exc)))
            if a.favours and a.measured and a.favours not in a.measured.values():
                found.append(
                    (
                        at + ("measured",),
                        f"the answer gives {names.get(a.favours, a.favours)} points, "
                        "but none of its figures clearly favours it",
                    )
                )
            if a.favours:
                found += _against_problems(a, a.favours, at, frameworks, names)
    return found


def quoted(template: str, frameworks: list[str]) -> list[str]:
    """The measured comparisons a sentence quotes, as `measured` keys, in order of first mention.

    ``{compare K}`` and ``{figure K.<framework>}`` quote K; a fact is not measured.
    """
    found: list[str] = []
    for kind, key in MEASURED.findall(template):
        parts = key.split(".")
        if kind == "compare":
            comparison: str | None = key
        elif kind == "figure":
            comparison = ".".join(parts[:-1]) if parts[-1] in frameworks else key
        else:
            comparison = None
        if comparison and comparison not in found:
            found.append(comparison)
    return found


def _against_problems(
    a: Answer, favours: str, at: tuple, frameworks: list[str], names: Mapping[str, str]
) -> list[tuple[tuple, str]]:
    """A reason counted for a framework never quotes a figure that clearly favours another.

    The reason is what the result shows beside "For <side> (+points)"; a figure
    in it that argues for the other side would count a point against its own
    sentence. What turns the answer around belongs in `otherwise` (shown when
    the point is held back), or the answer is neutral.
    """
    side = names.get(favours, favours)
    found: list[tuple[tuple, str]] = []
    for key in quoted(a.reason, frameworks):
        mark = a.measured.get(key)
        if mark is None:
            found.append(
                (
                    at + ("reason",),
                    f"the reason is counted for {side} and quotes {key}, but `measured` "
                    f"does not say which framework that figure favours; add `{key}: <framework or "
                    f"{NEITHER}>` under `measured`, so the build can check it",
                )
            )
        elif mark != favours and mark != NEITHER:
            found.append(
                (
                    at + ("reason",),
                    f"the reason is counted for {side} (+{a.points}), but it quotes {key}, "
                    f"which clearly favours {names.get(mark, mark)} (`measured`); a reason may not score for "
                    "a side its own figures argue against: move that figure to `otherwise`, or make the "
                    "answer neutral (remove `favours`, `points` and `fact`)",
                )
            )
    return found


def verdict_problems(d: Decision, site: Data) -> list[tuple[tuple, str]]:
    """Every figure an answer relies on whose clear-difference verdict the data no longer gives.

    Checked when the page is built, not when the data loads: `make measure`
    may write any figures, and the build then refuses to publish an answer
    they no longer support.
    """
    found: list[tuple[tuple, str]] = []
    names = {key: fw.name for key, fw in site.frameworks.items()}
    for qi, q in enumerate(d.questions):
        for ai, a in enumerate(q.answers):
            for figure, expected in a.measured.items():
                got = speed.winner(site, figure)
                if got == (None if expected == NEITHER else expected):
                    continue
                claim = "no clear difference" if expected == NEITHER else f"a clear difference for {names[expected]}"
                said = f"clearly favours {names[got]}" if got else "shows no clear difference"
                found.append(
                    (
                        ("questions", qi, "answers", ai, "measured", figure),
                        (
                            f"the answer relies on {figure} showing {claim}, but data/measured.yml now {said}; "
                            "reword the reason and change or remove the points to say what the new figures say"
                        ),
                    )
                )
    return found


def resolved(d: Decision, site: Data, source: str | None = None) -> Decision:
    """The questionnaire with the measured figures written into its reasons, as the page shows them.

    Raises MacroError when a figure no longer shows what an answer relies on
    (see :func:`verdict_problems`); ``source``, the text of data/decision.yml,
    puts the line of each such answer in the message.
    """
    wrong = verdict_problems(d, site)
    if wrong:

        def where(path: tuple) -> str:
            line = line_of(source, path) if source else None
            return "data/decision.yml" + (f", line {line}" if line else "")

        said = [f"{'.'.join(map(str, path))}: {message}" for path, message in wrong]
        rest = "".join(f"\n{where(path)}: {line}" for (path, _), line in zip(wrong[1:], said[1:], strict=True))
        # The data file leads the message: that is where the fix goes.
        raise MacroError(said[0] + rest, where=where(wrong[0][0]))
    raw = d.model_dump()
    for q in raw["questions"]:
        for a in q["answers"]:
            for key in ("reason", "otherwise"):
                if a[key] is not None:
                    a[key] = fill(a[key], site)
    return type(d).model_validate(raw)

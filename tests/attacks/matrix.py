"""The attack matrix: rule x topic x framework, printed at the end of the run.

Each attack test records its cell in the report's ``user_properties`` (which
pytest-xdist carries back from its workers); the two hooks below, registered by
tests/conftest.py, gather the cells and print the table with its totals, then every route a rule
could not try (a Verdict's ``untested``) with the reason, so a route no rule checked is never
counted as held without anyone seeing it.
"""

from __future__ import annotations

from collections import Counter

ORDER = ["FAILED", "declared", "held", "n.a."]
SHORT = {"FAILED": "FAIL", "held": "ok", "declared": "decl", "n.a.": "-"}
_cells: dict[tuple[str, str, str], str] = {}
_untested: dict[tuple[str, str, str, str], None] = {}


def pytest_runtest_logreport(report):
    for name, value in getattr(report, "user_properties", ()):
        if name == "attack-untested":
            _untested[value] = None
        if name == "attack":
            rule, topic, framework, status = value
            # a cell several tests fill (HTTP bodies and websocket frames) shows the worst
            old = _cells.get((rule, topic, framework), "n.a.")
            _cells[(rule, topic, framework)] = min(old, status, key=ORDER.index)


def pytest_terminal_summary(terminalreporter):
    if not _cells:
        return
    write = terminalreporter.write_line
    rules = sorted({r for r, _, _ in _cells})
    topics = sorted({t for _, t, _ in _cells})
    terminalreporter.section("attack matrix (flask/django: ok held, decl declared, - n.a., FAIL)")
    width = max(len(t) for t in topics)
    write(" " * width + "  " + " ".join(r[:9].ljust(9) for r in rules))
    for topic in topics:
        row = []
        for rule in rules:
            pair = [SHORT.get(_cells.get((rule, topic, fw), ""), " ") for fw in ("flask", "django")]
            row.append("/".join(pair).ljust(9))
        write(topic.ljust(width) + "  " + " ".join(row))
    totals = Counter(_cells.values())
    write("totals: " + ", ".join(f"{name} {totals.get(name, 0)}" for name in ORDER) + f" (of {len(_cells)} cells)")
    for fw in ("flask", "django"):
        counts = Counter(s for (_, _, f), s in _cells.items() if f == fw)
        write(f"  {fw}: " + ", ".join(f"{name} {counts.get(name, 0)}" for name in ORDER))
    if _untested:
        write(f"not tested ({len(_untested)} routes: the rule could not make the app take the request):")
        for rule, topic, fw, line in sorted(_untested):
            write(f"  {rule} {topic} {fw} {line}")

"""Count the site's behavioural claims: how many are checked, how many prose only.

`python -m tools.claims` prints one line (and `-v` lists each prose-only
sentence with its file and line). A claim is one of:

checked
    - a features.yml cell: its `support` is checked against the installed
      framework (`module` importable, `package` pinned and used); a cell whose
      `how` says more than that carries `check:` too;
    - a cli.yml command (checked against the real CLI);
    - a `measured:` mark in decision.yml, and a `{fact ...}`, `{figure ...}`
      or `{compare ...}` in a reason;
    - a `check:` on a decision.yml answer;
    - a sentence on a page with a `fact(...)`/`figure(...)` call in it, or
      followed by a `{# measured: ... #}` mark (checked by the build), or
      by `{# check: NAME #}`, where NAME is a probe in
      tests/facts/probes.py that runs the framework; the marker covers the
      sentences before it back to the paragraph's start or the previous
      marker, and they count as one claim.

prose only
    - a sentence on a page (outside code, tables, front matter and macro
      calls) that makes a behavioural claim, by the patterns in BEHAVIOURAL
      (a status code, "by default", "built in", "returns", "raises", ...),
      and has no check;
    - a features.yml cell with `support: none` and no `check:`.

The patterns are deliberately few, so the number undercounts rather than
invents: it is a trend to keep going down, not a proof. tests/facts/
test_claims.py runs every declared check. Standard library and PyYAML only.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"

# A check declared after a sentence on a page: {# check: probe_name #}
MARKER = re.compile(r"\{#\s*check:\s*([a-z_][a-z0-9_]*)\s*#\}")
# A fact the build fills in from checked data, or a paragraph's `{# measured: ... #}`
# mark, which the build checks against data/measured.yml (macros/check.py).
FILLED = re.compile(r"\b(fact|figure|compare)\s*\(|\{(fact|figure|compare) |\{#-?\s*measured:")
BEHAVIOURAL = re.compile(
    r"\b(?:a|an|the|with|gets?|answers?|returns?|gives?)\s+[1-5]\d\d\b"  # a status code
    r"|\bby default\b|\bbuilt[ -]in(?:to)?\b|\bout of the box\b|\bships?\b"
    r"|\breturns?\b|\braises?\b|\bredirects?\b|\bdefaults? to\b",
    re.I,
)


@dataclass(frozen=True)
class Sentence:
    path: Path
    line: int
    text: str
    checks: tuple[str, ...]
    filled: bool

    @property
    def behavioural(self) -> bool:
        return bool(BEHAVIOURAL.search(MARKER.sub("", self.text)))

    @property
    def checked(self) -> bool:
        return bool(self.checks) or self.filled


def _prose_blocks(text: str):
    """(first line number, paragraph text) of a page's prose: no front matter, code, tables or macro lines."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    block: list[str] = []
    first = 0
    fence = None
    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        opener = re.match(r"(`{3,}|~{3,})", stripped)
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        skip = (
            not stripped
            or stripped.startswith(("|", "#", "===", "{{", "{%", "<", "--8<--"))
            or stripped.startswith("[")
            and "]:" in stripped
        )
        if skip:
            # A check marker on its own line belongs to the paragraph above it.
            if MARKER.fullmatch(stripped) and block:
                block.append(stripped)
                continue
            if block:
                yield first, " ".join(block)
            block = []
            continue
        if not block:
            first = number
        block.append(stripped)
    if block:
        yield first, " ".join(block)


def sentences(path: Path):
    """The sentences of one page; a check marker belongs to the sentence it follows."""
    for line, paragraph in _prose_blocks(path.read_text()):
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z`*\[({])", paragraph)
        merged: list[str] = []
        for part in parts:
            if merged and part.startswith("{#") and (head := MARKER.match(part)):
                merged[-1] += " " + head.group(0)
                part = part[head.end() :].strip()
                if not part:
                    continue
            merged.append(part)
        # A marker covers the sentences before it, back to the paragraph's start or the last marker.
        claims: list[str] = []
        pending: list[str] = []
        for text in merged:
            pending.append(text)
            if MARKER.search(text):
                claims.append(" ".join(pending))
                pending = []
        claims.extend(pending)
        for text in claims:
            yield Sentence(path, line, text, tuple(MARKER.findall(text)), bool(FILLED.search(text)))


def page_sentences() -> list[Sentence]:
    return [s for page in sorted(DOCS.rglob("*.md")) for s in sentences(page)]


def data_checks() -> list[tuple[str, str, str]]:
    """(file, key path, probe name) of every `check:` in the data."""
    found = []
    features = yaml.safe_load((DATA / "features.yml").read_text())["features"]
    for fid, feature in features.items():
        for fw, cell in feature["per"].items():
            if cell.get("check"):
                found.append(("features.yml", f"features.{fid}.per.{fw}", cell["check"]))
    decision = yaml.safe_load((DATA / "decision.yml").read_text())
    for qi, question in enumerate(decision.get("questions", [])):
        for ai, answer in enumerate(question.get("answers", [])):
            if answer.get("check"):
                found.append(("decision.yml", f"questions.{qi}.answers.{ai}", answer["check"]))
    return found


def count() -> tuple[int, int, list[Sentence]]:
    """(checked, prose only, the prose-only sentences)."""
    checked = prose = 0
    features = yaml.safe_load((DATA / "features.yml").read_text())["features"]
    for feature in features.values():
        for cell in feature["per"].values():
            if cell["support"] == "none" and not cell.get("check"):
                prose += 1
            else:
                checked += 1 + bool(cell.get("check") and cell["support"] != "none")
    commands = yaml.safe_load((DATA / "cli.yml").read_text())["commands"]
    checked += sum(len(c) for c in commands.values())
    decision = yaml.safe_load((DATA / "decision.yml").read_text())
    for question in decision.get("questions", []):
        for answer in question.get("answers", []):
            checked += len(answer.get("measured", {})) + bool(answer.get("check"))
            for key in ("reason", "otherwise"):
                checked += len(re.findall(r"\{(?:fact|figure|compare) ", answer.get(key) or ""))
    loose = []
    for sentence in page_sentences():
        if sentence.checked:
            checked += 1
        elif sentence.behavioural:
            prose += 1
            loose.append(sentence)
    return checked, prose, loose


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each prose-only sentence")
    args = parser.parse_args(argv)
    checked, prose, loose = count()
    if args.verbose:
        for s in loose:
            print(f"{s.path.relative_to(ROOT)}:{s.line}: {s.text[:110]}")
    print(
        f"Behavioural claims: {checked} checked, {prose} prose only "
        f"({checked * 100 // max(checked + prose, 1)}% checked; python -m tools.claims -v lists the prose)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

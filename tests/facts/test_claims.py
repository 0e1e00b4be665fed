"""Every declared check runs the framework, and its claim says what the framework did.

A claim declares its check beside itself (tools/claims.py says how): a page
sentence followed by `{# check: NAME #}`, a features.yml cell or a
decision.yml answer with `check: NAME`. Each test id is where the claim is;
the probe NAME in tests/facts/probes.py runs the installed framework and
returns phrases, and the claim must contain every one of them.
"""

import inspect
import re

import pytest
import yaml

from macros import datafile
from tests.facts import probes
from tools import claims

from .test_facts import DATA, ROOT, expect

PROBES = {
    name: f
    for name, f in inspect.getmembers(probes, inspect.isfunction)
    if not name.startswith("_") and f.__module__ == probes.__name__
}


def _declared():
    for sentence in claims.page_sentences():
        for name in sentence.checks:
            where = f"{sentence.path.relative_to(ROOT)}, paragraph at line {sentence.line}"
            yield pytest.param(where, name, claims.MARKER.sub("", sentence.text), id=f"{where}:{name}")
    for file, path, name in claims.data_checks():
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        keys.append("how" if file == "features.yml" else "reason")
        node = yaml.safe_load((DATA / file).read_text())
        for key in keys:
            node = node[key]
        yield pytest.param(datafile.locate(DATA, file, tuple(keys)), name, node, id=f"{file}:{path}:{name}")


@pytest.mark.parametrize(("where", "name", "text"), list(_declared()))
def test_each_claim_says_what_its_probe_sees(where, name, text):
    expect(
        name in PROBES,
        f"{where}: no probe {name!r} in tests/facts/probes.py; name one of "
        f"{', '.join(sorted(PROBES))}, or write a function there that runs the framework",
    )
    text = re.sub(r"\s+", " ", text)
    missing = [phrase for phrase in PROBES[name]() if phrase not in text]
    expect(
        not missing,
        f"{where}: the installed framework, run by probes.{name}(), shows "
        f"{', '.join(repr(m) for m in missing)}, which the claim does not say. Rewrite the claim "
        f"to say what the framework does now (with these words), or fix the probe if it asks "
        f"the wrong question. The claim reads: {text[:300]!r}",
    )


def test_every_probe_is_named_by_a_claim():
    used = {name for _, name, _ in (p.values for p in _declared())}
    unused = sorted(set(PROBES) - used)
    expect(
        not unused,
        f"tests/facts/probes.py: {', '.join(unused)} checks no claim; name it in a "
        "`{# check: NAME #}` after a sentence or a `check:` in the data, or delete it",
    )

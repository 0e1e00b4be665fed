"""Every version a page's `pip install` line pins is the version the examples are tested with."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.examples.conftest import EXAMPLES
from tests.facts.test_facts import pins

PINNED = {**pins(EXAMPLES / "requirements.txt"), **pins(EXAMPLES / "requirements-lts.txt")}
CURRENT = pins(EXAMPLES / "requirements.txt")
LINES = [(script.relative_to(EXAMPLES).as_posix(), line.split("#")[0].strip())
         for script in sorted(EXAMPLES.glob("*/*_commands.sh"))
         for line in script.read_text(encoding="utf-8").splitlines()
         if line.strip().startswith("pip install")]


@pytest.mark.parametrize(("script", "line"), LINES, ids=[f"{s}: {l}" for s, l in LINES])
def test_pinned_versions_match_the_requirement_files(script, line):
    for requirement in shlex.split(line)[2:]:
        if "==" not in requirement:
            continue
        name, version = requirement.split("==")
        name = re.sub(r"\[.*\]", "", name).lower()
        assert name in PINNED, f"{script}: {name} is not pinned in examples/requirements*.txt"
        # Django has two pins (6.1 and the LTS); everything else has one.
        allowed = {CURRENT.get(name), pins(EXAMPLES / "requirements-lts.txt").get(name)} - {None}
        assert version in allowed, f"{script}: {name}=={version}, but the examples pin {sorted(allowed)}"

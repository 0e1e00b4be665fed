"""Every version a page's `pip install` line pins is the version the examples are tested with."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.examples.conftest import EXAMPLES


def pins(path) -> dict[str, str]:
    """Exact pins of a requirements file, following -r includes; names lower-cased."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==")
            found[name.strip().lower()] = version.strip()
    return found


# What the examples run on, and the test tools a page may ask a reader to install (pytest).
CURRENT = {**pins(EXAMPLES.parent / "requirements-test.txt"), **pins(EXAMPLES / "requirements.txt")}
LTS = pins(EXAMPLES / "requirements-lts.txt")
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
        # Django has two pins (6.1 and the LTS); everything else has one.
        allowed = {CURRENT.get(name), LTS.get(name)} - {None}
        assert allowed, f"{script}: {name} is not pinned in examples/requirements*.txt or requirements-test.txt"
        assert version in allowed, f"{script}: {name}=={version}, but the examples pin {sorted(allowed)}"

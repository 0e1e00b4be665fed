"""A re-measure that no longer supports a questionnaire answer stops the site's build, naming the answer.

`make measure` may write any figures: data/measured.yml still loads, and the
speed page redraws itself. The "How to choose" answers that rely on a
clear difference (data/decision.yml `measured`) are the ones that cannot
follow by themselves, so the build refuses to publish them until someone
rewords them.
"""

from __future__ import annotations

import re

import yaml

from macros import data
from tests.conftest import ROOT, build_site, copy_project


def test_a_blurred_memory_difference_stops_the_build_naming_the_answer_and_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    measured = project / "data" / "measured.yml"
    raw = yaml.safe_load(measured.read_text(encoding="utf-8"))
    flask = raw["benchmark"]["memory_mib"]["smallest"]["flask"]["median"]
    # Django's smallest worker within 5% of Flask's: no clear difference any more.
    raw["benchmark"]["memory_mib"]["smallest"]["django"].update(median=flask * 1.05, min=flask * 1.05, max=flask * 1.05)
    measured.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    data.load(project / "data")  # the figures themselves are fine

    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build published an answer its figures no longer support"
    hosting = next(i for i, q in enumerate(data.load(ROOT / "data").decision.questions) if q.id == "hosting")
    assert re.search(
        rf"data/decision\.yml, line \d+: "
        rf"questions\.{hosting}\.answers\.1\.measured\.benchmark\.memory_mib\.smallest: the answer relies "
        r"on benchmark\.memory_mib\.smallest showing a clear difference for Flask, but data/measured\.yml "
        r"now shows no clear difference[^\n]*\n\s*\(shown by docs/choosing/decision\.md, line \d+: "
        r"decision_\w+\(\)\)",
        result.output,
    ), result.output[-3000:]


def test_the_home_page_counts_the_questions_the_form_asks(built_site):
    """The home card's "Twelve questions" is counted from data/decision.yml, so it
    says what the form on "How to choose" asks, whatever is added or removed."""
    from macros.decision import NUMBERS

    form = (built_site.site / "choosing" / "decision" / "index.html").read_text(encoding="utf-8")
    asked = form.count("<fieldset")
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    said = re.search(r"(\w+) questions about your team", home)
    assert said, "the home page's How to choose card no longer says how many questions"
    assert asked > 1 and said.group(1).lower() == NUMBERS[asked], (said.group(0), asked)

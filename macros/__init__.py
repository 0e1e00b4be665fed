"""mkdocs-macros entry point: load the data once, register the macros.

Nothing is computed here. Loading and validating live in ``data.py``, tables
and facts in ``tables.py``, Flask/Django tab pairs in ``examples.py``, the
questionnaire in ``decision.py``; each is a plain function with plain pytest
tests in tests/macros/.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    # Imported here, not at module level, so the pure modules (macros.examples,
    # used by the example tests on the LTS interpreter) import without MkDocs
    # or pydantic installed.
    from mkdocs.exceptions import PluginError

    from . import data, decision, examples, speed, tables
    from .errors import on_page

    root = Path(env.project_dir)
    try:
        site = data.load(root / "data")
    except data.DataError as exc:
        raise PluginError(f"invalid comparison data:\n{exc}") from None

    def page() -> str:
        return f"docs/{env.page.file.src_uri}" if env.page else "(no page)"

    for render in (tables.feature_matrix, tables.topic_table, tables.cli_table,
                   tables.addon_table, tables.at_a_glance, tables.fact):
        env.macro(on_page(render, site, page=page), render.__name__)
    env.macro(on_page(examples.example_tabs, root, site.frameworks, page=page, name="example"), "example")

    names = {key: fw.name for key, fw in site.frameworks.items()}
    # The questionnaire, with the measured figures written into its reasons (and
    # a MacroError, naming the answer, if a re-measure no longer supports one).
    source = (root / "data" / "decision.yml").read_text(encoding="utf-8")

    def questionnaire():
        return decision.resolved(site.decision, site, source)

    env.macro(on_page(lambda: decision.form(questionnaire(), names, env.page.url), page=page, name="decision_form"),
              "decision_form")
    env.macro(on_page(lambda: decision.rules(questionnaire(), names, env.page.file.src_uri), page=page,
                      name="decision_rules"), "decision_rules")
    # Speed and resources (docs/choosing/speed.md): figures from data/measured.yml's benchmark.
    for render in (speed.speed_table, speed.speed_chart, speed.figure, speed.compare, speed.benchmark_setup):
        env.macro(on_page(render, site, page=page), render.__name__)

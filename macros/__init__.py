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
    from . import data, decision, engine, examples, speed, tables
    from .errors import on_page

    root = Path(env.project_dir)
    try:
        # Once per build: Zensical calls define_env for every page (macros/engine.py).
        site = engine.once(root / "data", data.load)
    except data.DataError as exc:
        raise engine.BuildError(f"invalid comparison data:\n{exc}") from None

    def page() -> str:
        return f"docs/{engine.source_path(env.page)}" if env.page else "(no page)"

    for render in (tables.feature_matrix, tables.topic_table, tables.cli_table,
                   tables.addon_table, tables.at_a_glance, tables.fact):
        env.macro(on_page(render, site, page=page), render.__name__)
    env.macro(on_page(examples.example_tabs, root, site.frameworks, page=page, name="example"), "example")

    names = {key: fw.name for key, fw in site.frameworks.items()}
    env.macro(lambda: decision.form(site.decision, names, engine.html_base(env.page)), "decision_form")
    env.macro(lambda: decision.rules(site.decision, names, engine.source_path(env.page)), "decision_rules")
    # Speed and resources (docs/choosing/speed.md): figures from data/measured.yml's benchmark.
    for render in (speed.speed_table, speed.speed_chart, speed.figure, speed.compare, speed.benchmark_setup):
        env.macro(on_page(render, site, page=page), render.__name__)

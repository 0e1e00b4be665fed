"""mkdocs-macros entry point: load the data once, register the macros.

Nothing is computed here. Loading and validating live in ``data.py``, tables
and facts in ``tables.py``, Flask/Django tab pairs in ``examples.py``, the
questionnaire in ``decision.py``; each is a plain function with plain pytest
tests in tests/macros/.
"""

from __future__ import annotations

import functools
from pathlib import Path


def define_env(env) -> None:
    # Imported here, not at module level, so the pure modules (macros.examples,
    # used by the example tests on the LTS interpreter) import without MkDocs
    # or pydantic installed.
    from mkdocs.exceptions import PluginError

    from . import data, decision, examples, run_it, speed, tables
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
    # Code-block titles link to the file in the repository named by repo_url (a fork's own).
    links = examples.Links.from_config(env.conf.get("repo_url"), env.conf.get("edit_uri"))
    example = functools.partial(examples.example_tabs, links=links)
    env.macro(on_page(example, root, site.frameworks, page=page, name="example"), "example")
    # A cookbook page's "Run it", the same shape on every page (macros/run_it.py).
    env.macro(on_page(run_it.run_it, root, site.frameworks, links, page=page), "run_it")

    names = {key: fw.name for key, fw in site.frameworks.items()}
    env.macro(lambda: decision.form(site.decision, names, env.page.url), "decision_form")
    env.macro(lambda: decision.rules(site.decision, names, env.page.file.src_uri), "decision_rules")
    # Speed and resources (docs/choosing/speed.md): figures from data/measured.yml's benchmark.
    for render in (speed.speed_table, speed.speed_chart, speed.figure, speed.compare, speed.benchmark_setup):
        env.macro(on_page(render, site, page=page), render.__name__)

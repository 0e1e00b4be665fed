"""mkdocs-macros entry point: load the data once, register the macros.

Nothing is computed here. Loading and validating live in ``data.py``, tables
and facts in ``tables.py``, Flask/Django tab pairs in ``examples.py``, the
questionnaire in ``decision.py``; each is a plain function with plain pytest
tests in tests/macros/.
"""

from __future__ import annotations

import re
from pathlib import Path

# A tab title, `=== "Flask"` (from example() or typed on a page).
TAB_TITLE = re.compile(r'^([ \t]*===[!+]*[ \t]+)"([^"<]+)"', re.M)


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
    # Diagrams inline, so they follow the colour scheme, with a phone-sized variant.
    from . import diagrams
    env.macro(on_page(diagrams.diagram, root / "docs" / "assets" / "diagrams", page=page), "diagram")
    # cli_table(pages=True) links each command to its cookbook page: relative
    # to the page the table is on, titled with that page's first heading.
    titles = tables.cookbook_titles(root / "docs" / "cookbook")
    env.macro(on_page(lambda site, *args, **kwargs: tables.cli_table(
        site, *args, here=env.page.file.src_uri, titles=titles, **kwargs), site, page=page, name="cli_table"),
        "cli_table")

    names = {key: fw.name for key, fw in site.frameworks.items()}
    env.macro(lambda: decision.form(site.decision, names, env.page.url), "decision_form")
    env.macro(lambda: decision.rules(site.decision, names, env.page.file.src_uri), "decision_rules")
    # Speed and resources (docs/choosing/speed.md): figures from data/measured.yml's benchmark.
    for render in (speed.speed_table, speed.speed_chart, speed.figure, speed.compare, speed.benchmark_setup):
        env.macro(on_page(render, site, page=page), render.__name__)


def on_post_page_macros(env) -> None:
    """Keep tab titles out of the search index.

    Material's index reads a tab set's labels as one word ("FlaskDjango") at
    the head of the section's text, which is what a search result previews.
    Its search plugin skips an element marked ``data-search-exclude``, so each
    title is wrapped in one; the label reads and links the same.
    """
    env.markdown = TAB_TITLE.sub(r'\1"<span data-search-exclude>\2</span>"', env.markdown)


def on_post_build(env) -> None:
    """Ship the site's own stylesheet and scripts without their comments (macros/assets.py)."""
    from . import assets

    docs = Path(env.conf["docs_dir"])
    ours = [p.relative_to(docs).as_posix() for p in (docs / "assets").rglob("*")
            if p.suffix in (".css", ".js") and "vendor" not in p.parts]
    assets.minify(Path(env.conf["site_dir"]), ours)

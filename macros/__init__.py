"""mkdocs-macros entry point: load the data once, register the macros, check each page.

Nothing is computed here. Loading and validating live in ``data.py``, tables
and facts in ``tables.py``, Flask/Django tab pairs in ``examples.py``, the
questionnaire in ``decision.py``, measured figures and charts in ``speed.py``
and ``charts.py``, checks on a page's own text in ``pages.py``; each is a
plain function with plain pytest tests in tests/macros/.

Every mistake on a page is logged as a warning that starts with the file and
line, and the page still renders with the message shown on it: ``mkdocs build
--strict`` (``make build``, the tests, CI) fails on the warning, while ``make
serve`` (not strict) keeps serving a half-written page.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path

# The oldest Python the build is tested on (tests/macros/test_python_versions.py): Debian 12's 3.11.
# Older ones stop here with one line, not a SyntaxError deep in a module. Ruff's UP036 calls
# this block dead at target-version py311; it is there for the Pythons below that target.
if sys.version_info < (3, 11):  # noqa: UP036
    raise SystemExit(
        f"error: this guide's site needs Python 3.11 or newer (this is "
        f"{sys.version_info[0]}.{sys.version_info[1]}); build it with a newer python3"
    )

# Under "mkdocs." so that MkDocs counts these warnings, and --strict fails on them.
log = logging.getLogger("mkdocs.plugins.guide")
# A tab title, `=== "Flask"` (from example() or typed on a page).
TAB_TITLE = re.compile(r'^([ \t]*===[!+]*[ \t]+)"([^"<]+)"', re.M)


def notice(message: str, raw: bool = False) -> str:
    """The message as a box on the page, for `make serve`; ``raw`` when Jinja renders it afterwards."""
    body = "\n".join(f"    {line}" for line in message.splitlines())
    box = f'!!! failure "The build rejects this page"\n\n{body}\n'
    return f"\n\n{{% raw %}}\n{box}{{% endraw %}}\n\n" if raw else f"\n\n{box}\n"


def define_env(env) -> None:
    # Imported here, not at module level, so the pure modules (macros.examples,
    # used by the example tests on the LTS interpreter) import without MkDocs
    # or pydantic installed.
    from . import data, datafile, decision, engine, examples, reasons, run_it, speed, tables
    from .errors import on_page

    root = Path(env.project_dir)
    strict = bool(env.conf.get("strict"))
    engine.fill_nav(env, root)
    try:
        # Once per change of data/: Zensical calls define_env for every page (macros/engine.py).
        site = engine.once(root / "data", data.load, warn=None if strict else log.warning)
    except data.DataError as exc:
        raise engine.BuildError(str(exc)) from None
    globs = [
        f"{datafile.locate(root / 'data', 'frameworks.yml', ('frameworks', fw, 'examples', i))}: {pattern!r} "
        f"matches no file in any examples/<topic>/ folder, so no page can show {site.frameworks[fw].name} "
        "code; fix the pattern (folders count whole, `*` matches any part of a name)"
        for fw, i, pattern in examples.unmatched_globs(root / "examples", site.frameworks)
    ]
    if globs:
        raise engine.BuildError("\n".join(globs))

    reported: set[str] = set()
    front = {"lines": 0}  # front matter lines of the page being rendered, set by on_pre_page_macros

    def report(message: str) -> str:
        # Once per mistake: an example file's mistake shows on every page that includes it.
        first = message.splitlines()[0]
        if first not in reported:
            reported.add(first)
            engine.warn(env, log, message, strict)
        return notice(message)

    def page(line: int | None) -> str:
        if not env.page:
            return "(no page)"
        where = f"docs/{engine.source_path(env.page)}"
        return f"{where}, line {line + front['lines']}" if line else where

    render: Callable[..., str]  # each loop below registers a different kind of macro
    for render in (
        tables.feature_matrix,
        tables.topic_table,
        tables.cli_table,
        tables.addon_table,
        tables.at_a_glance,
        tables.fact,
    ):
        env.macro(on_page(render, site, page=page, report=report), render.__name__)
    # Code-block titles link to the file in the repository named by repo_url (a fork's own).
    links = examples.Links.from_config(env.conf.get("repo_url"), env.conf.get("edit_uri"))
    example = functools.partial(examples.example_tabs, links=links)
    env.macro(on_page(example, root, site.frameworks, page=page, name="example", report=report), "example")
    # A cookbook page's "Run it", the same shape on every page (macros/run_it.py).
    env.macro(on_page(run_it.run_it, root, site.frameworks, links, page=page, report=report), "run_it")
    # Diagrams inline, so they follow the colour scheme, with a phone-sized variant.
    from . import diagrams

    env.macro(on_page(diagrams.diagram, root / "docs" / "assets" / "diagrams", page=page, report=report), "diagram")
    # cli_table(pages=True) links each command to its cookbook page: relative
    # to the page the table is on, titled with that page's first heading.
    titles = tables.cookbook_titles(root / "docs" / "cookbook")

    def cli_table(data, framework: str | None = None, topic: str | None = None, pages: bool = False) -> str:
        return tables.cli_table(data, framework, topic, pages, here=engine.source_path(env.page), titles=titles)

    env.macro(on_page(cli_table, site, page=page, report=report), "cli_table")
    # The Cookbook's index page: each group's topics, linked, with their manifests' summaries.
    from . import topics

    def cookbook_pages(level: int = 3) -> str:
        return topics.index_list(engine.nav(env.conf), topics.valid(root / "examples"), level)

    env.macro(on_page(cookbook_pages, page=page, report=report), "cookbook_pages")
    # The Choosing overview's feature matrix, cut by the Cookbook's groups in the nav.

    def feature_groups(data, frameworks: list[str] | None = None, level: int = 3) -> str:
        return tables.feature_groups(data, tables.cookbook_groups(engine.nav(env.conf)), frameworks, level)

    env.macro(on_page(feature_groups, site, page=page, report=report), "feature_groups")
    # Speed and resources (docs/choosing/speed.md): figures from data/measured.yml's benchmark.
    for render in (speed.speed_table, speed.speed_chart, speed.figure, speed.compare, speed.benchmark_setup):
        env.macro(on_page(render, site, page=page, report=report), render.__name__)
    # The "How to choose" questionnaire (docs/choosing/decision.md), from data/decision.yml.
    names = {key: fw.name for key, fw in site.frameworks.items()}
    # With the measured figures written into its reasons, and a MacroError
    # naming the answer if a re-measure no longer supports one.
    source = (root / "data" / "decision.yml").read_text(encoding="utf-8")

    def decision_form() -> str:
        return decision.form(reasons.resolved(site.decision, site, source), names, engine.html_base(env.page))

    def decision_rules() -> str:
        return decision.rules(reasons.resolved(site.decision, site, source), names, engine.source_path(env.page))

    def decision_questions(capital: bool = False) -> str:
        return decision.question_count(site.decision, capital)

    for render in (decision_form, decision_rules, decision_questions):
        env.macro(on_page(render, page=page, report=report), render.__name__)
    # What a look across files finds (macros/check.py, the same as `python -m macros.check`):
    # titles, links, anchors, nav against the topic manifests, URL names, swapped cells.
    from . import check

    across, fresh = check.site_problems_once(root, site)
    if fresh or not engine.is_zensical(env):
        for problem in across:
            report(problem)
    # What the theme shows under each page (overrides/partials/source-file.html): the versions its
    # code was tested on, when it last changed (macros/dates.py), and its Markdown copy (macros/llms.py).
    tested = " and ".join(f"{fw.name} {', '.join(fw.tested)}" for fw in site.frameworks.values())

    def page_facts(page_obj, source: str) -> None:
        from . import dates

        src_uri = engine.source_path(page_obj)
        meta = page_obj.meta
        meta["last_changed"] = dates.last_changed(root, src_uri, source)
        if re.search(r"\{\{-?\s*(example|run_it)\s*\(", source):
            meta["tested_on"] = tested
        dest = getattr(getattr(page_obj, "file", None), "dest_uri", None) or "index.html"
        meta["markdown_copy"] = Path(dest).with_suffix(".md").name

    env.guide = {"report": report, "page": page, "front": front, "facts": page_facts}
    # Zensical calls no on_pre_page_macros, but define_env once per page (macros/engine.py):
    # the checks on the page's own text run here, and its front matter counts for page().
    if engine.is_zensical(env) and env.page:
        source = (root / (env.conf.get("docs_dir") or "docs") / engine.source_path(env.page)).read_text(
            encoding="utf-8"
        )
        front["lines"] = engine.front_matter_lines(source)
        page_facts(env.page, source)
        for problem in text_problems(
            page(None),
            source,
            engine.source_path(env.page),
            engine.nav(env.conf),
            root / (env.conf.get("docs_dir") or "docs"),
        ):
            report(problem)


def text_problems(where: str, source: str, src_uri: str, nav: list, docs: Path) -> list[str]:
    """What is wrong with a page's own text, and, for a section's index page, its list of pages
    (those that exist: a nav entry naming a missing page is macros/check.py's, with the page meant)."""
    from . import pages

    problems = pages.page_problems(where, source)
    nav_index = pages.section_pages(nav)
    if src_uri in nav_index:
        listed = [(t, p) for t, p in nav_index[src_uri] if (docs / p).is_file()]
        problems += pages.index_problems(where, source, src_uri, listed)
    return problems


def on_pre_page_macros(env) -> None:
    """Check the page's own text and its macro calls before they are rendered."""
    import inspect

    from . import pages

    report, page, front = env.guide["report"], env.guide["page"], env.guide["front"]
    source = env.page.file.content_string
    env.guide["facts"](env.page, source)
    markdown = env.markdown
    # MkDocs hands the macros the text after the front matter: count those lines back in.
    front["lines"] = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    problems = text_problems(
        page(None), source, env.page.file.src_uri, env.conf.get("nav") or [], Path(env.conf["docs_dir"])
    )
    names = set(env.variables) | set(env.macros) | set(env.env.globals) | set(env.page.meta or {})
    signatures = {name: inspect.signature(fn) for name, fn in env.macros.items()}
    broken = pages.template_problems(page, env.env, markdown, names, signatures)
    for problem in problems + broken:
        report(problem)
    if broken:  # the page cannot render: show only the messages
        env.markdown = "".join(notice(p, raw=True) for p in broken)
    elif problems:
        env.markdown = "".join(notice(p, raw=True) for p in problems) + markdown


def on_post_page_macros(env) -> None:
    """Keep tab titles out of the search index.

    Material's index reads a tab set's labels as one word ("FlaskDjango") at
    the head of the section's text, which is what a search result previews.
    Its search plugin skips an element marked ``data-search-exclude``, so each
    title is wrapped in one; the label reads and links the same.
    """
    env.markdown = TAB_TITLE.sub(r'\1"<span data-search-exclude>\2</span>"', env.markdown)


def on_post_build(env) -> None:
    """Ship the site's own stylesheet and scripts without their comments (macros/assets.py), a
    search index of prose and names, not code (macros/search.py), and llms.txt and each page's
    Markdown copy (macros/llms.py)."""
    from . import assets, llms, search

    assets.minify(Path(env.conf["site_dir"]), assets.ours(Path(env.conf["docs_dir"])))
    search.compact_site(Path(env.conf["site_dir"]))
    llms.write(Path(env.conf["site_dir"]), Path(env.project_dir), env.conf, env.conf["use_directory_urls"])

"""Table and fact renderers, fed small inline data: header, rows, cells.

Tables are rendered to HTML with the site's own Markdown extensions, and
cells are compared by the text a reader sees.
"""

from __future__ import annotations

import pytest

from macros import data, speed, tables
from macros.errors import MacroError
from tests.html_tables import squash, to_html
from tests.html_tables import tables as html_tables


def rows(markdown: str) -> list[list[str]]:
    """The one table in ``markdown``, rendered as the site renders it: rows of cell texts."""
    found = html_tables(to_html(markdown))
    assert len(found) == 1, f"expected one table, got {len(found)} from:\n{markdown}"
    return [[squash(c) for c in row] for row in found[0]]


@pytest.fixture
def site(two):
    return data.load(two)


@pytest.fixture
def site3(three):
    return data.load(three)


def with_orm(site, **cells):
    """The data with the ORM row's cells changed: ``flask={"how": ...}``."""
    changed = site.model_copy(update={"features": {**site.features}})
    orm = changed.features["orm"]
    per = {**orm.per, **{fw: orm.per[fw].model_copy(update=update) for fw, update in cells.items()}}
    changed.features["orm"] = orm.model_copy(update={"per": per})
    return changed


def test_feature_matrix_has_a_column_per_framework_and_a_row_per_feature(site):
    table = rows(tables.feature_matrix(site))
    assert table[0] == ["Feature", "Flask", "Django"]
    assert [r[0] for r in table[1:]] == [f.name for f in site.features.values()]


def test_cells_say_the_verdict_in_words(site):
    table = rows(tables.feature_matrix(site))
    orm = next(r for r in table if r[0] == "ORM")
    assert orm[1] == "Add-on: Flask-SQLAlchemy"
    assert orm[2] == "Built in: django.db.models"
    assert "<strong>Add&#45;on</strong>: Flask&#45;SQLAlchemy" in to_html(tables.feature_matrix(site))


def test_topic_table_keeps_only_that_topic(site):
    table = rows(tables.topic_table(site, "database"))
    assert [r[0] for r in table[1:]] == ["ORM"]


NAV = [
    "index.md",
    {
        "Cookbook": [
            "cookbook/index.md",
            {"Data": [{"Admin": "cookbook/admin.md"}, {"ORM": "cookbook/database.md"}]},
            {"Basics": [{"Routing": "cookbook/routing.md"}, {"Hello": "cookbook/hello.md"}]},
        ]
    },
    {"Reference": [{"Glossary": "glossary.md"}]},
]


def test_feature_groups_follow_the_cookbook_groups_of_the_nav(site):
    groups = tables.cookbook_groups(NAV)
    assert groups == {"Data": ["admin", "database"], "Basics": ["routing", "hello"]}
    markdown = tables.feature_groups(site, groups)
    # One heading then one table per group; groups and rows in nav order, as the sidebar.
    assert [line for line in markdown.splitlines() if line.startswith("#")] == ["### Data", "### Basics"]
    shown = [rows(part.split("\n", 1)[1]) for part in markdown.split("### ")[1:]]
    assert [[r[0] for r in table[1:]] for table in shown] == [["Admin", "ORM"], ["URL routing"]]
    assert all(table[0] == ["Feature", "Flask", "Django"] for table in shown)


def test_a_feature_in_no_group_is_an_error_naming_its_key(site):
    groups = {"Basics": ["routing"]}
    with pytest.raises(
        MacroError,
        match=r"^data/features.yml: features.orm.topic is 'database', .*"
        r"in no group of the Cookbook in mkdocs.yml's nav \(Basics\).*"
        r"\(also: admin\)$",
    ):
        tables.feature_groups(site, groups)


def test_cli_table_lists_usage_and_purpose(site):
    table = rows(tables.cli_table(site))
    assert table[0] == ["Framework", "Command", "What it does"]
    assert ["Django", "django run", "Runs django."] in table
    assert "<code>django run</code>" in to_html(tables.cli_table(site))
    # For one framework, without the framework column.
    one = rows(tables.cli_table(site, framework="django"))
    assert one == [["Command", "What it does"], ["django run", "Runs django."]]


def test_addon_table_pairs_builtins_with_addons(site):
    table = rows(tables.addon_table(site))
    assert table[0] == ["Job", "Built into Django", "Flask add-on"]
    # The package is named once: `how` already names it.
    assert table[1:] == [
        ["ORM", "django.db.models", "Flask-SQLAlchemy"],
        ["Admin", "django.contrib.admin", "Flask-Admin"],
    ]


def test_addon_table_names_the_package_first_when_how_does_not(site):
    changed = with_orm(site, flask={"how": "`db.Model` classes"})
    assert rows(tables.addon_table(changed))[1][2] == "Flask-SQLAlchemy: db.Model classes"


def test_cli_table_links_each_command_to_its_cookbook_page(site):
    markdown = tables.cli_table(site, pages=True, here="choosing/tooling.md", titles={"hello": "Hello world"})
    table = rows(markdown)
    assert table[0] == ["Framework", "Command", "What it does", "Cookbook page"]
    assert all(row[3] == "Hello world" for row in table[1:])
    assert "](../cookbook/hello.md)" in markdown
    assert "](hello.md)" in tables.cli_table(site, pages=True, here="cookbook/index.md")


def test_code_in_cells_may_wrap_after_dots_but_reads_whole(site):
    changed = with_orm(site, django={"how": "`django.db.models`"})
    html = to_html(tables.feature_matrix(changed))
    assert "<code>django&#46;<wbr>db&#46;<wbr>models</code>" in html
    assert next(r for r in rows(tables.feature_matrix(changed)) if r[0] == "ORM")[2] == "Built in: django.db.models"


def test_at_a_glance_derives_sizes_from_measurements(site):
    table = rows(tables.at_a_glance(site))
    size = next(r for r in table if r[0] == "Installed size")
    kib = site.install["flask"].size_kib
    assert size[1] == f"{kib / 1024:.1f} MiB"
    lts = next(r for r in table if r[0] == "Long-term support")
    assert lts[1] == "No LTS line"


def test_pipes_in_data_do_not_break_the_table(site):
    changed = site.model_copy(update={"features": {**site.features}})
    feature = changed.features["orm"]
    changed.features["orm"] = feature.model_copy(update={"name": "A | B"})
    assert ["A | B", "Add-on: Flask-SQLAlchemy", "Built in: django.db.models"] in rows(tables.feature_matrix(changed))


def test_facts(site):
    assert tables.fact(site, "flask.current.version") == site.frameworks["flask"].current.version
    assert tables.fact(site, "flask.tested") == ", ".join(site.frameworks["flask"].tested)
    assert speed.figure(site, "install.distributions.django") == str(site.install["django"].distributions)
    assert speed.figure(site, "install.dependencies.flask") == ", ".join(site.install["flask"].dependencies)
    assert speed.figure(site, "install.size.flask").endswith(" MiB")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: tables.topic_table(s, "nope"), "unknown topic 'nope'"),
        (lambda s: tables.topic_table(s, "hello"), "topic 'hello' has no features"),
        (lambda s: tables.feature_matrix(s, frameworks=["flask", "rails"]), "unknown framework 'rails'"),
        (lambda s: tables.cli_table(s, topic="database"), "no commands"),
        (lambda s: tables.fact(s, "rails.current.version"), "unknown framework 'rails'"),
        (lambda s: tables.fact(s, "flask.current.colour"), "no key 'colour'"),
        (lambda s: tables.fact(s, "flask.current"), "not a single value"),
    ],
    ids=["topic", "topic-without-features", "framework", "no-commands", "fact-framework", "fact-key", "fact-not-value"],
)
def test_a_wrong_argument_is_refused_saying_what_is_wrong(site, call, message):
    with pytest.raises(MacroError, match=message):
        call(site)


def test_three_frameworks_render_three_columns(site3):
    for markdown in (tables.feature_matrix(site3), tables.at_a_glance(site3)):
        assert rows(markdown)[0][1:] == ["Flask", "Django", "FastAPI"]
    admin = next(r for r in rows(tables.feature_matrix(site3)) if r[0] == "Admin")
    assert admin[3] == "Not included: build your own"
    assert len(rows(tables.cli_table(site3))) == 4

"""Data text reaches the reader whole: hostile strings through a real table, list and raw HTML."""

from __future__ import annotations

import pytest

from macros import data, tables, text
from macros.errors import MacroError
from tests.html_tables import squash, to_html
from tests.html_tables import tables as html_tables

# Each of these breaks a naive Markdown table cell in some way: attr_list reads
# a trailing {...} as attributes, | splits the cell, * and _ make emphasis, < opens
# HTML, \\ escapes, :name: is an emoji, ++key++ a key, [^1] a footnote, & an entity,
# #!lang a highlighted code span.
HOSTILE = [
    "then {% load %}",
    "@register.filter in a templatetags module, then {% load static %}",
    "a | b || c",
    "*stars* and _underscores_ and __dunder__ and **bold**",
    "<script>alert('x')</script> <b>not bold</b> a < b > c",
    "back\\slash \\| \\* \\\\ and a trailing \\",
    ":smile: :+1: ++ctrl+c++ [^1] [link](https://example.org) ![img](x.png)",
    "&amp; &lt; &#123; & AT&T",
    "{: .class #id } trailing braces {x}",
    "{{ form }} renders labels, inputs and errors",
    '#!python not code, ::: nor this, --8<-- "x.md" not a snippet',
    "CSRF and ORM keep their glossary tooltips",
    "unicode stays: é, –, “quotes”, 日本",
    "`{% load %}` in code, `a | b` in code, `*x*` and `<b>` in code",
    'text then `@app.route("/<int:id>")` then `url_for("x", **values)`',
    "`\\` a backslash alone in code",
]


def rendered_cells(values: list[str]) -> list[str]:
    header = tables.Table([tables.Cell("Text")], [[tables.Cell(v)] for v in values])
    found = html_tables(to_html(header.markdown()))
    assert len(found) == 1
    return [squash(row[0]) for row in found[0][1:]]


def test_all_hostile_strings_in_one_table_stay_in_their_own_rows():
    assert rendered_cells(HOSTILE) == [squash(text.plain(v)) for v in HOSTILE]


def test_backticked_pieces_become_code_and_nothing_else_does():
    html = to_html(tables.Table([tables.Cell("T")], [[tables.Cell("say `{% load %}` *not* code")]]).markdown())
    assert "<code>&#123;&#37; load &#37;&#125;</code>" in html
    assert html.count("<code>") == 1 and "<em>" not in html


def test_glossary_abbreviations_still_get_their_tooltip():
    # The site appends includes/abbreviations.md to every page (snippets' auto_append).
    html = to_html(tables.Table([tables.Cell("T")], [[tables.Cell("CSRF token")]]).markdown())
    assert '<abbr title="Cross-site request forgery' in html and ">CSRF</abbr> token" in html


def test_a_label_and_code_cells_read_as_written():
    cells = tables.Table(
        [tables.Cell("T"), tables.Cell("U")],
        [[tables.Cell("a `b` c", label="Built in"), tables.Cell("flask --app x run `q`", code=True)]],
    )
    found = html_tables(to_html(cells.markdown()))[0]
    assert [squash(c) for c in found[1]] == ["Built in: a b c", "flask --app x run `q`"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("one ` backtick", "unpaired backtick"),
        ("bell \x07", "control character"),
        ("placeholder \x02x\x03", "control character"),
    ],
)
def test_text_that_cannot_be_shown_is_refused(value, message):
    with pytest.raises(text.TextError, match=message):
        text.check(value)
    with pytest.raises(MacroError, match=message):
        tables.Cell(value).markdown()
    if "backtick" not in message:  # a command shows its backticks; a control character is refused there too
        with pytest.raises(MacroError, match=message):
            tables.Cell(value, code=True).markdown()


def test_data_files_refuse_an_unpaired_backtick_naming_file_and_line(two):
    path = two / "features.yml"
    path.write_text(path.read_text().replace("how: Flask-Admin", "how: Flask-Admin `oops"))
    with pytest.raises(
        data.DataError, match=r"data/features\.yml, line \d+: features\.admin\.per\.flask\.how: .*unpaired backtick"
    ):
        data.load(two)


@pytest.mark.parametrize(
    ("shown", "may_wrap_as"),
    [
        # A short name reads whole: never "Json" over "Response", "as_" over "view()", "__init_" over "_".
        ("JsonResponse", "JsonResponse"),
        ("as_view()", "as_view()"),
        ("__init__", "__init__"),
        ("CACHE_TYPE", "CACHE_TYPE"),
        # Nor does an empty pair of brackets end a line on a lone ")".
        ("cache.set()", "cache.|set()"),
        # A name too long for a phone's column may wrap between its words.
        ("PasswordResetTokenGenerator", "Password|Reset|Token|Generator"),
        ("DATA_UPLOAD_MAX_MEMORY_SIZE", "DATA_|UPLOAD_|MAX_|MEMORY_|SIZE"),
        ("hello.flask_app", "hello.|flask_app"),
    ],
)
def test_code_may_wrap_only_where_a_reader_would_split_it(shown, may_wrap_as):
    html = text.code(shown, breaks=True)
    where = "<wbr>".join(text.escape(piece) for piece in may_wrap_as.split("|"))
    assert html == f"<code>{where}</code>"

"""The Flask/Django tab pair: one tab per framework, one snippet include per file."""

from __future__ import annotations

import functools

import pytest

from macros import data
from macros.errors import MacroError
from macros.examples import example_tabs, files_of, marker_problems, section_lines, sections_of, unmatched_globs


@pytest.fixture
def project(tmp_path, two):
    """A project root with data/ (two frameworks) and a tiny examples/ tree."""
    topic = tmp_path / "examples" / "greet"
    (topic / "django_app" / "templates").mkdir(parents=True)
    (topic / "flask_app.py").write_text("# --8<-- [start:view]\napp = 1\n# --8<-- [end:view]\n")
    (topic / "django_app" / "views.py").write_text("# --8<-- [start:view]\nview = 1\n# --8<-- [end:view]\n")
    (topic / "django_app" / "urls.py").write_text("# --8<-- [start:view]\nurls = []\n# --8<-- [end:view]\n")
    (topic / "django_app" / "templates" / "page.html").write_text(
        "{# --8<-- [start:page] #}\n{{ x }}\n{# --8<-- [end:page] #}\n"
    )
    (topic / "flask_page.html").write_text("{# --8<-- [start:page] #}\n{{ x }}\n{# --8<-- [end:page] #}\n")
    return tmp_path, data.load(two).frameworks


def test_one_tab_set_per_call_a_tab_per_framework_and_a_titled_block_per_file(project):
    root, frameworks = project
    markdown = example_tabs(root, frameworks, "greet", "view")
    # `===!` opens a new set, so two calls in a row stay two sets of two tabs, in data order.
    assert markdown.startswith('===! "Flask"\n') and markdown.count("===!") == 1
    assert markdown.index('"Flask"') < markdown.index('=== "Django"') and markdown.count("=== ") == 1
    assert (
        '    ```python title="greet/flask_app.py"\n    --8<-- "examples/greet/flask_app.py:view"\n    ```' in markdown
    )
    # Django's section is in two files: both are shown, the view before the URLs that route to it.
    assert markdown.index("django_app/views.py") < markdown.index("django_app/urls.py")


def test_side_by_side_a_file_sits_beside_the_file_of_the_same_role(project):
    """Each tab lists its files models, forms, views, URLs, then the rest, Python before templates,
    whatever their paths sort as ("django_app/templates/" comes before "django_app/views.py")."""
    root, frameworks = project
    topic = root / "examples" / "greet"
    for path, text in {
        "flask_models.py": "m", "flask_views.py": "v", "flask_list.html": "t",
        "django_app/models.py": "m", "django_app/views.py": "v", "django_app/templates/list.html": "t",
    }.items():  # fmt: skip
        (topic / path).parent.mkdir(parents=True, exist_ok=True)
        (topic / path).write_text(f"# --8<-- [start:list]\n{text}\n# --8<-- [end:list]\n")
    flask, django = example_tabs(root, frameworks, "greet", "list").split('=== "Django"')
    shown = [[line.split('title="greet/')[1].split('"')[0] for line in tab.splitlines() if "title=" in line]
             for tab in (flask, django)]  # fmt: skip
    assert shown == [
        ["flask_models.py", "flask_views.py", "flask_list.html"],
        ["django_app/models.py", "django_app/views.py", "django_app/templates/list.html"],
    ]


def test_lexer_comes_from_the_framework_then_the_suffix(project):
    root, frameworks = project
    markdown = example_tabs(root, frameworks, "greet", "page")
    assert '```html+jinja title="greet/flask_page.html"' in markdown
    # The inline test data gives Django the same lexers as Flask (html+jinja);
    # what matters is that the framework's mapping wins over the default "html".
    assert markdown.count("```html+jinja") == 2


def test_missing_section_for_a_core_framework_is_an_error_listing_what_was_searched(project):
    root, frameworks = project
    (root / "examples/greet/flask_app.py").write_text("app = 1\n")
    with pytest.raises(
        MacroError,
        match=(
            r"no Flask file in examples/greet/ has a snippet section 'view' "
            r"\(searched: greet/flask_app.py, greet/flask_page.html\)"
        ),
    ):
        example_tabs(root, frameworks, "greet", "view")


def test_missing_topic_folder_is_an_error(project):
    root, frameworks = project
    with pytest.raises(MacroError, match="no example folder examples/nope/"):
        example_tabs(root, frameworks, "nope", "view")


def test_a_non_core_framework_without_the_section_is_simply_absent(project, three):
    root, _ = project
    frameworks = dict(data.load(three).frameworks)
    frameworks["fastapi"] = frameworks["fastapi"].model_copy(update={"core": False})
    assert '=== "FastAPI"' not in example_tabs(root, frameworks, "greet", "view")
    (root / "examples/greet/fastapi_app.py").write_text("# --8<-- [start:view]\nx = 1\n# --8<-- [end:view]\n")
    assert '=== "FastAPI"' in example_tabs(root, frameworks, "greet", "view")


def test_files_and_sections_helpers(project):
    root, frameworks = project
    topic = root / "examples/greet"
    assert [p.name for p in files_of(topic, ["django_*"])] == ["page.html", "urls.py", "views.py"]
    assert sections_of(topic / "flask_page.html") == ["page"]


def test_section_lines_drop_nested_markers_and_reject_unclosed_sections(tmp_path):
    path = tmp_path / "f.py"
    path.write_text(
        "# --8<-- [start:outer]\na = 1\n# --8<-- [start:inner]\nb = 2\n# --8<-- [end:inner]\n"
        "# --8<-- [end:outer]\n# --8<-- [start:open]\nc = 3\n"
    )
    assert section_lines(path, "outer") == ["a = 1", "b = 2"]
    assert section_lines(path, "inner") == ["b = 2"]
    with pytest.raises(KeyError, match="no complete snippet section 'open'"):
        section_lines(path, "open")


MARKER_MISTAKES = [
    # (id, file text, (line, message) of the first problem)
    (
        "no space after the scissors",
        "# --8<--[start:view]\nx = 1\n# --8<-- [end:view]\n",
        (
            1,
            "the section marker '# --8<--[start:view]' is not one the snippet includer reads; write it as "
            "`--8<-- [start:view]` (a space after --8<--, a name of letters, digits, - and _ starting with a letter)",
        ),
    ),
    (
        "end before start",
        "# --8<-- [end:view]\nx = 1\n# --8<-- [start:view]\ny = 2\n# --8<-- [end:view]\n",
        (1, "section 'view' ends here before it starts; put `--8<-- [start:view]` above this line"),
    ),
    (
        "never ends",
        "# --8<-- [start:view]\nx = 1\n",
        (1, "section 'view' starts here but never ends; add `--8<-- [end:view]` after its last line"),
    ),
    (
        "the same name twice",
        "# --8<-- [start:view]\nx = 1\n# --8<-- [end:view]\n# --8<-- [start:view]\ny = 2\n# --8<-- [end:view]\n",
        (
            4,
            "a second section named 'view' starts here (the first starts on line 1); a page shows only the first, "
            "so give this one another name",
        ),
    ),
    (
        "a name that starts with a digit",
        "# --8<-- [start:2fa]\nx = 1\n# --8<-- [end:2fa]\n",
        (
            1,
            "the section marker '# --8<-- [start:2fa]' is not one the snippet includer reads; write it as "
            "`--8<-- [start:2fa]` (a space after --8<--, a name of letters, digits, - and _ starting with a letter)",
        ),
    ),
]


@pytest.mark.parametrize(("text", "first"), [m[1:] for m in MARKER_MISTAKES], ids=[m[0] for m in MARKER_MISTAKES])
def test_a_wrong_section_marker_is_reported_with_its_line(tmp_path, text, first):
    path = tmp_path / "flask_app.py"
    path.write_text(text)
    assert marker_problems(path)[0] == first


def test_nested_sections_and_html_markers_are_fine(tmp_path):
    path = tmp_path / "urls.py"
    path.write_text(
        "# --8<-- [start:a]\n# --8<-- [start:b]\nx\n# --8<-- [end:b]\n# --8<-- [end:a]\n"
        "{# --8<-- [start:page] #}\n{{ x }}\n{# --8<-- [end:page] #}\n"
    )
    assert marker_problems(path) == []


def test_a_marker_mistake_is_blamed_on_the_example_file_not_the_page(project):
    root, frameworks = project
    (root / "examples/greet/flask_app.py").write_text("# --8<-- [start:view]\napp = 1\n# --8<-- [start:view]\n")
    with pytest.raises(MacroError) as exc:
        example_tabs(root, frameworks, "greet", "view")
    assert exc.value.where == "examples/greet/flask_app.py, line 1"
    assert str(exc.value).startswith("section 'view' starts here but never ends")


def test_a_glob_that_matches_nothing_is_found(project):
    root, frameworks = project
    assert unmatched_globs(root / "examples", frameworks) == []
    broken = {**frameworks, "flask": frameworks["flask"].model_copy(update={"examples": ["flask-*", "templates"]})}
    assert unmatched_globs(root / "examples", broken) == [("flask", 0, "flask-*"), ("flask", 1, "templates")]


def test_the_page_wrapper_puts_page_line_and_call_first():
    from jinja2 import Environment

    from macros.errors import on_page

    def tabs(root, topic, section, examples="examples", *, links=None):
        if topic == "file":
            raise MacroError("section 'x' never ends", where="examples/t/flask_app.py, line 3")
        raise MacroError(f"no example folder examples/{topic}/")

    def page(line):
        return "docs/p.md" + (f", line {line + 4}" if line else "")  # four lines of front matter

    # As macros/__init__.py registers it: the repository links fixed by a partial, never shown to pages.
    macro = on_page(functools.partial(tabs, links="LINKS"), "ROOT", page=page, name="example")
    render = Environment().from_string
    with pytest.raises(MacroError, match=r'^docs/p\.md, line 7: example\("nope", "x"\): no example folder'):
        render('# Page\n\n{{ example("nope", "x") }}\n').render(example=macro)
    with pytest.raises(
        MacroError,
        match=r"^examples/t/flask_app\.py, line 3: section .x. never ends\n  \(shown by "
        r'docs/p\.md, line 5: example\("file", "x"\)\)',
    ):
        render('{{ example("file", "x") }}').render(example=macro)
    with pytest.raises(
        MacroError,
        match=r'^docs/p\.md: example\("t"\): missing a required argument: '
        r"'section'; write it as example\(topic, section, examples=\"examples\"\)",
    ):
        macro("t")
    shown = on_page(tabs, "ROOT", page=page, name="example", report=lambda m: f"BOX {m}")
    assert shown("nope", "x").startswith('BOX docs/p.md: example("nope", "x"): no example folder')

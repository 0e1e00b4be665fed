"""The Run-it macro: the plan of one framework's steps, its Markdown, and its errors, on tiny inputs."""

from __future__ import annotations

import pytest

from macros import data
from macros.errors import MacroError
from macros.examples import Links
from macros.run_it import plan, run_it, tree


def commands(
    install: str,
    run: str = "flask --app greet.flask_app run --port 8000",
    expect: str = "curl http://127.0.0.1:8000/\n# Hello",
) -> str:
    sections = {"install": install, "run": run, "expect": expect}
    return "".join(
        f"# --8<-- [start:{name}]\n{body}\n# --8<-- [end:{name}]\n"
        for name, body in sections.items()
        if body is not None
    )


@pytest.fixture
def project(tmp_path, two):
    """A project root: data/ for Flask and Django, pins, and one topic with both frameworks' files."""
    examples = tmp_path / "examples"
    topic = examples / "greet"
    (topic / "django_app" / "templates" / "greet").mkdir(parents=True)
    (topic / "__init__.py").write_text("")
    (topic / "flask_app.py").write_text("app = 1\n")
    (topic / "flask_commands.sh").write_text(commands("pip install Flask Flask-WTF"))
    (topic / "django_app" / "__init__.py").write_text("")
    (topic / "django_app" / "apps.py").write_text("name = 'greet.django_app'\n")
    (topic / "django_app" / "urls.py").write_text("urlpatterns = []\n")
    (topic / "topic.yml").write_text(
        "title: Greet\ngroup: Basics\nsummary: Hello.\nmount: greet/\n"
        "entry: {flask: greet.flask_app:create_app, django: greet.django_app.urls}\n"
    )
    (topic / "django_app" / "templates" / "greet" / "page.html").write_text("<p>hi</p>\n")
    (topic / "django_commands.sh").write_text(
        commands("pip install Django django-backport", run="python manage.py runserver 8000")
    )
    (examples / "requirements.txt").write_text("Flask==3.1.3\nDjango==6.1.3\n-r requirements-common.txt\n")
    (examples / "requirements-common.txt").write_text("Flask-WTF==1.3.0\n")
    (examples / "requirements-lts.txt").write_text("Django==5.2.19\n-r requirements-common.txt\ndjango-backport==0.1\n")
    (tmp_path / "requirements-test.txt").write_text("pytest==9.2.0\n")
    frameworks = data.load(two).frameworks
    django = frameworks["django"].model_copy(
        update={
            "current": frameworks["django"].current.model_copy(update={"version": "6.1.3", "python": ">=3.12"}),
            "lts": frameworks["django"].current.model_copy(
                update={"release_line": "5.2", "version": "5.2.19", "python": ">=3.10"}
            ),
        }
    )
    return tmp_path, {"flask": frameworks["flask"], "django": django}


def test_the_install_line_takes_the_frameworks_version_from_the_data_and_the_others_from_the_pins(project):
    root, fws = project
    p = plan(root, "flask", fws["flask"], "greet")
    assert p.pip == ["Flask==3.1.3", "Flask-WTF==1.3.0"]
    assert p.setup[:3] == [
        "python3 -m venv .venv  # Python 3.9 or newer",
        "source .venv/bin/activate  # on Windows: .venv\\Scripts\\activate",
        "pip install Flask==3.1.3 Flask-WTF==1.3.0",
    ]
    assert p.lts is None  # Flask has no LTS line


def test_a_backport_pinned_only_for_the_lts_goes_on_the_lts_line_alone(project):
    root, fws = project
    p = plan(root, "django", fws["django"], "greet")
    assert p.pip == ["Django==6.1.3"]
    assert p.setup[3:5] == [
        "# Django 5.2 LTS instead (Python 3.10 or newer):",
        "# pip install Django==5.2.19 django-backport==0.1",
    ]


def test_an_extra_is_kept_and_quoted(project):
    root, fws = project
    (root / "examples/greet/flask_commands.sh").write_text(commands("pip install Flask[async]"))
    assert plan(root, "flask", fws["flask"], "greet").pip == ['"Flask[async]==3.1.3"']


def test_the_folder_holds_the_example_files_with_empty_ones_created_by_touch(project):
    root, fws = project
    p = plan(root, "flask", fws["flask"], "greet")
    assert [(f.path, f.source is None) for f in p.files] == [("greet/__init__.py", True), ("greet/flask_app.py", False)]
    assert p.skeleton == ["mkdir -p greet", "touch greet/__init__.py"]


def test_django_starts_a_project_and_adds_the_apps_lines(project):
    root, fws = project
    p = plan(root, "django", fws["django"], "greet")
    assert p.skeleton[0] == "django-admin startproject project ."
    assert "mkdir -p greet/django_app/templates/greet" in p.skeleton
    assert 'INSTALLED_APPS += ["greet.django_app"]' in p.appends["project/settings.py"]
    assert p.appends["project/urls.py"][-3:] == [
        "urlpatterns += [",
        '    path("greet/", include("greet.django_app.urls")),',
        "]",
    ]
    assert {f.path for f in p.files} >= {"manage.py", "project/settings.py", "greet/django_app/urls.py"}


def test_a_section_named_after_the_topic_in_the_projects_settings_is_added_too(project):
    root, fws = project
    (root / "examples/project").mkdir()
    (root / "examples/project/settings.py").write_text(
        "DEBUG = False\n# --8<-- [start:greet]\nGREETING = 'hi'\n# --8<-- [end:greet]\n"
    )
    assert plan(root, "django", fws["django"], "greet").appends["project/settings.py"][-1] == "GREETING = 'hi'"


def test_tree_draws_files_before_folders_with_notes():
    from macros.run_it import File

    assert tree(
        [File("manage.py", None, "from startproject"), File("a/__init__.py", None, "(empty)"), File("a/b/c.py", None)]
    ) == [
        ".",
        "├── manage.py        from startproject",
        "└── a/",
        "    ├── __init__.py  (empty)",
        "    └── b/",
        "        └── c.py",
    ]


def test_the_markdown_has_a_tab_per_framework_with_built_blocks_and_linked_sections(project):
    root, fws = project
    markdown = run_it(root, fws, Links("https://github.com/o/r", "trunk"), "greet")
    assert markdown.startswith('===! "Flask"\n') and '\n=== "Django"\n' in markdown
    assert '``` { .bash .run-it title="Set up" }' in markdown
    assert '``` { .text .run-it title="Your folder" }' in markdown
    assert '``` { .python .run-it title="project/settings.py" }' in markdown
    assert "[`examples/greet/`](https://github.com/o/r/tree/trunk/examples/greet)" in markdown
    assert "```bash title=\"<a href='https://github.com/o/r/blob/trunk/examples/greet/flask_commands.sh'" in markdown
    assert '--8<-- "examples/greet/flask_commands.sh:expect"' in markdown
    assert "`cd examples`" in markdown  # the clone's shortcut, after the tabs


SERVER_FIRST = "flask --app greet.flask_app run --port 8000\ncurl http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ({"install": "pip install Flask==3.1.3"}, r": .*names 'Flask==3\.1\.3': write the package name alone"),
        ({"install": "pip install Flask Flask-Nope"}, r": .*names Flask-Nope, which .* do not pin"),
        ({"install": "pip install Flask-WTF Flask"}, r": .*must name Flask first"),
        ({"install": "pip install Flask\npip install Flask-WTF"}, r": .*section 'install' must be one line"),
        ({"expect": None}, r" has no snippet section 'expect'"),
        ({"expect": "# Hello"}, r": .*section 'expect' must start with a command"),
        ({"run": SERVER_FIRST}, r": .*the line that starts the server must come last"),
    ],
    ids=["pinned", "unpinned", "framework-not-first", "two-lines", "no-expect", "expect-no-command", "server-not-last"],
)
def test_a_wrong_commands_file_names_the_file_and_the_fix(project, sections, message):
    root, fws = project
    (root / "examples/greet/flask_commands.sh").write_text(commands(**{"install": "pip install Flask", **sections}))
    with pytest.raises(MacroError, match=r"examples/greet/flask_commands\.sh" + message):
        plan(root, "flask", fws["flask"], "greet")


def test_a_core_framework_without_a_commands_file_is_an_error(project):
    root, fws = project
    (root / "examples/greet/django_commands.sh").unlink()
    with pytest.raises(MacroError, match=r"no examples/greet/django_commands.sh: a Run-it section needs Django's"):
        run_it(root, fws, None, "greet")


def test_links_follow_the_repository_and_the_branch_of_the_edit_uri():
    assert Links.from_config("https://github.com/o/r/", "edit/trunk/docs/") == Links("https://github.com/o/r", "trunk")
    assert Links.from_config(None, "edit/main/docs/") is None
    assert Links("https://github.com/o/r").blob("examples/a.py") == "https://github.com/o/r/blob/main/examples/a.py"


def test_a_long_set_up_command_is_split_to_fit_and_bash_reads_it_whole():
    from macros.run_it import logical, wrap

    command = "touch " + " ".join(f"topic/django_app/part{n}/__init__.py" for n in range(6))
    lines = wrap(command)
    assert len(lines) > 1 and all(len(line) <= 72 for line in lines), lines
    assert all(line.endswith(" \\") for line in lines[:-1])
    assert logical(lines) == [command]
    comment = wrap("# pip install " + " ".join(f"package-{n}==1.0.0" for n in range(8)))
    assert all(line.startswith("#") and len(line) <= 72 for line in comment), comment

"""Scaffold a new cookbook topic: `make new-topic NAME=feeds [TITLE="RSS and Atom feeds"] [GROUP="Data"]`.

Writes every file a topic needs, in the shape the checks require, so that a
contributor fills in code and prose only:

    docs/cookbook/<name>.md           the page (front matter, title, bold answer,
                                      a table, two example() tab pairs, "Run it")
    examples/<name>/topic.yml         the topic's manifest: title, Cookbook group (GROUP,
                                      e.g. "Data"; the last group if not given), its line
                                      on the Cookbook's index, Django mount, entry points:
                                      the nav and the index list the topic from it
                                      (macros/topics.py)
    examples/<name>/                  a package: Flask factory + blueprint, a Django
                                      app (apps.py, urls.py, views.py), the run commands
    tests/examples/test_<name>.py     tests that drive both apps as a reader would
    data/features.yml                 a feature row for the page's table

Every sentence and data value a person must write holds the placeholder
`FILL IN`, which fails `make build` and `make check` until replaced (while
`make serve` shows the page with a warning), so nothing half-done publishes.

Standard library only: it runs before any virtual environment exists.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import keyword
import re
import sys
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# App labels Django's own apps already use: a topic's app needs another.
DJANGO_LABELS = {"admin", "auth", "contenttypes", "sessions", "messages", "staticfiles"}

PAGE = """\
---
description: "FILL IN: one sentence of 20 or more characters on what this page shows, \
for search results and link previews."
---

# {title}

**FILL IN: the answer to the page's question in one bold sentence: what Flask
does, and what Django does.** FILL IN: a short plain paragraph on what the
example below shows.

{{{{ topic_table("{name}") }}}}

## FILL IN: a heading for the first step

FILL IN: a sentence or two that lead into the code.

{{{{ example("{name}", "view") }}}}

## Run it

{{{{ run_it("{name}") }}}}
"""

FILES = {
    "examples/{name}/topic.yml": """\
# The cookbook topic {name}: read by macros/topics.py (the keys are in its docstring).
title: {title_yaml}
group: {group_yaml}
summary: "FILL IN: what the page does, in a few words (its line on the Cookbook's index)."
mount: "{name}/"
prompts: []
services: []
entry:
  flask: {name}.flask_app:create_app
  django: {name}.django_app.urls
""",
    "examples/{name}/__init__.py": '''\
"""{title}: the Flask and Django examples of docs/cookbook/{name}.md."""
''',
    "examples/{name}/flask_app.py": '''\
"""{title} in Flask: an application factory and a blueprint."""

# --8<-- [start:view]
from flask import Blueprint, Flask

bp = Blueprint("{name}", __name__)


@bp.get("/")
def index():
    return "{title} in Flask"


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(config or {{}})
    app.register_blueprint(bp)
    return app
# --8<-- [end:view]
''',
    "examples/{name}/flask_commands.sh": """\
# Typed in the folder that holds {name}/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
flask --app {name}.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# {title} in Flask
# --8<-- [end:expect]
""",
    "examples/{name}/django_commands.sh": """\
# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# Debug mode, for development only.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/{name}/
# {title} in Django
# --8<-- [end:expect]
""",
    "examples/{name}/django_app/__init__.py": '''\
"""{title} in Django: the app that examples/project mounts at /{name}/."""
''',
    "examples/{name}/django_app/apps.py": """\
from django.apps import AppConfig


class {camel}Config(AppConfig):
    # Installed, so Django finds this app's templates/, static/ and models.
    name = "{name}.django_app"
    label = "{label}"
""",
    "examples/{name}/django_app/urls.py": """\
# --8<-- [start:view]
from django.urls import path

from . import views

# A namespace, so names never clash with other apps.
app_name = "{name}"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
# --8<-- [end:view]
""",
    "examples/{name}/django_app/views.py": '''\
"""{title} in Django: a class-based view."""

# --8<-- [start:view]
from django.http import HttpResponse
from django.views import View


class IndexView(View):
    # Only get() is defined: other methods get 405 Method Not Allowed.
    def get(self, request):
        return HttpResponse("{title} in Django")
# --8<-- [end:view]
''',
    "tests/examples/test_{name}.py": '''\
"""{title}: both apps answer as the page says, and refuse what they do not handle.

`site` is this topic's app once under each framework, built from its manifest
(tests/examples/apps.py); `site.url()` gives the page's paths, under the
manifest's mount on Django. The page's Run it is followed by test_run_it.py.
"""

from __future__ import annotations

from tests.examples.browsing import body


def test_both_answer_on_the_pages_address(site):
    response = site.client().get(site.url(""))
    assert response.status_code == 200
    assert body(response) == f"{title} in {{site.framework.title()}}"


def test_a_post_is_refused_in_both(site):
    assert site.client(csrf=False).post(site.url("")).status_code == 405
''',
}

FEATURE = """
  {name}:
    name: "FILL IN: the feature, as a row of the page's table names it"
    topic: {name}
    per:
      # support: builtin (give `module`, what Python imports to prove it ships with
      # the framework), addon (give `package`, its PyPI name, pinned in
      # examples/requirements-common.txt) or none (neither; `how` says what people do).
      flask:
        support: builtin
        how: "FILL IN: what a Flask developer uses, in a few words"
        module: flask.FILL_IN
        source: https://flask.palletsprojects.com/FILL-IN
      django:
        support: builtin
        how: "FILL IN: what a Django developer uses, in a few words"
        module: django.FILL_IN
        source: https://docs.djangoproject.com/FILL-IN
"""


def fail(message: str) -> NoReturn:
    sys.exit(f"make new-topic: {message}")


def check_name(root: Path, name: str) -> None:
    if not NAME.match(name):
        fail(f"NAME={name!r}: use lower-case letters, digits and _, starting with a letter (e.g. NAME=feeds)")
    if keyword.iskeyword(name) or name in sys.stdlib_module_names or importlib.util.find_spec(name):
        fail(
            f"NAME={name}: a Python module of that name exists, and examples/{name}/ would hide it; "
            f"pick another, such as NAME={name}_demo"
        )
    taken = [
        p
        for p in (f"docs/cookbook/{name}.md", f"examples/{name}", f"tests/examples/test_{name}.py")
        if (root / p).exists()
    ]
    if taken:
        fail(
            f"NAME={name}: the topic exists already ({', '.join(taken)}); pick another name, or grow that "
            "topic's examples and page instead"
        )
    features = (root / "data/features.yml").read_text(encoding="utf-8")
    row = re.search(rf"^  {name}:\s*\n(?:    .*\n|\s*\n)*?    topic: (\w+)", features, re.M)
    if row:
        line = features[: row.start()].count("\n") + 1
        fail(
            f"NAME={name}: data/features.yml, line {line} already has a feature row {name!r}, shown on "
            f"docs/cookbook/{row.group(1)}.md (topic: {row.group(1)}), and the new topic's row would take the "
            f"same key. If that page covers it, grow examples/{row.group(1)}/ instead; if not, pick another "
            f"name, such as NAME={name}_demo"
        )


def nav_groups(text: str) -> list[str]:
    """The Cookbook's groups, as mkdocs.yml's nav names them (``- Data: []``: "Basics", "Data", ...)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*- Cookbook:\s*$", line)), None)
    if start is None:
        return []
    step = len(lines[start]) - len(lines[start].lstrip())
    groups = []
    for line in lines[start + 1 :]:
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= step:
            break
        if m := re.match(r"^\s*- ([^:]+):\s*\[\]\s*$", line):
            groups.append(m.group(1))
    return groups


def pick_group(text: str, group: str | None) -> str | None:
    """The nav group the page goes in: ``group`` (any case), else the last one; None when nav has no groups."""
    groups = nav_groups(text)
    if not groups:
        return None
    if not group:
        return groups[-1]
    found = [g for g in groups if g.lower() == group.strip().lower()]
    if not found:
        fail(f"GROUP={group!r}: the Cookbook's groups in mkdocs.yml are {', '.join(groups)}; pick one of them")
    return found[0]


def scaffold(root: Path, name: str, title: str, group: str | None = None) -> list[str]:
    check_name(root, name)
    group = pick_group((root / "mkdocs.yml").read_text(encoding="utf-8"), group)
    if group is None:
        fail("mkdocs.yml's Cookbook has no groups; a topic's manifest names its group (`group:`)")
    values = {
        "name": name,
        "title": title,
        "camel": "".join(p.title() for p in name.split("_")),
        "title_yaml": json.dumps(title),
        "group_yaml": json.dumps(group),
        "label": name if name not in DJANGO_LABELS else f"{name}_demo",
    }
    written = []
    page = root / f"docs/cookbook/{name}.md"
    page.write_text(PAGE.format(**values), encoding="utf-8")
    written.append(page)
    for rel, body in FILES.items():
        path = root / rel.format(**values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body.format(**values), encoding="utf-8")
        written.append(path)
    features = root / "data/features.yml"
    text = features.read_text(encoding="utf-8")
    features.write_text(text.rstrip("\n") + "\n" + FEATURE.format(**values), encoding="utf-8")
    written.append(features)
    return [p.relative_to(root).as_posix() for p in written]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the topic's one name: page, example folder and test file")
    parser.add_argument("--title", help="the page's title (default: the name, capitalised)")
    parser.add_argument("--group", help="the Cookbook group in nav to add the page to (default: the last)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.name:
        fail('give the topic a name: make new-topic NAME=feeds [TITLE="RSS and Atom feeds"]')
    title = args.title or args.name.replace("_", " ").capitalize()
    written = scaffold(args.root, args.name, title, args.group)
    group = pick_group((args.root / "mkdocs.yml").read_text(encoding="utf-8"), args.group)
    print(f"Scaffolded the topic {args.name!r}" + (f", in the Cookbook's group {group!r}:" if group else ":"))
    for rel in written:
        print(f"  {rel}")
    if group and not args.group:
        groups = nav_groups((args.root / "mkdocs.yml").read_text(encoding="utf-8"))
        print(
            f"(No GROUP given, so the last group; to move the page, change `group:` in "
            f"examples/{args.name}/topic.yml to the group that fits: {', '.join(groups)}.)"
        )
    print(f"""
Next:
  1. Replace every FILL IN (`grep -rn "FILL IN" docs data examples` lists them):
     the page's description and prose, the summary in the topic's manifest
     (examples/{args.name}/topic.yml, which also says where the Django app mounts,
     what a reader types at prompts and which services it needs), and the
     feature row in data/features.yml (a real `module` or `package`, and its `source`).
  2. Grow the examples in examples/{args.name}/ and their tests in
     tests/examples/test_{args.name}.py; keep the sections the page shows.
  3. `make serve` shows the page as you write (with a box saying what the build
     still rejects); `python -m macros.check` lists every mistake in a second;
     `make check` must pass before you open a pull request.""")


if __name__ == "__main__":
    main()

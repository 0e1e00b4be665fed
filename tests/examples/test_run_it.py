"""Each page's "Run it", followed from an empty folder, prints what the page says it prints.

tests/examples/empty_folder.py types the page's steps in a temporary folder:
the set-up (`django-admin startproject` for real), the files at the paths of
the page's tree, the lines added to the Django project, the commands, then
each command of the expected output, compared with the lines the page shows.
The install line is not run (nothing is downloaded); tests/site/test_run_it.py
checks it against the pins.
"""

from __future__ import annotations

import functools
import re

import django
import pytest

from macros import topics
from tests.examples.conftest import EXAMPLES
from tests.examples.empty_folder import FRAMEWORKS, follow, plan_of

# Every cookbook topic, with what the reader types at the prompts its commands show
# (a password, asked once or twice): its manifest, examples/<topic>/topic.yml, says.
# Pages that start Redis need Debian's redis-server, as their own tests do.
TOPICS = topics.load(EXAMPLES)
# `make test-lts` runs these tests again on Django's LTS line, where Flask is the same release.
LTS_RUN = django.VERSION[:2] != tuple(int(n) for n in FRAMEWORKS["django"].current.release_line.split("."))


@pytest.mark.slow
@pytest.mark.parametrize("framework", ["flask", "django"])
@pytest.mark.parametrize("topic", TOPICS)
def test_run_it_from_an_empty_folder(topic, framework, tmp_path):
    if LTS_RUN and framework == "flask":
        pytest.skip("Flask is the same release in the LTS run; the main run follows its steps")
    assert follow(topic, framework, tmp_path, TOPICS[topic].answers) >= 1


def test_the_reader_mounts_each_app_where_this_sites_project_does():
    """The pages' URLs hold in both: the reader's project/urls.py and examples/project/urls.py."""
    from project.urls import urlpatterns

    # include("x.urls") imports the module: its name is the module's __name__.
    mounted = {
        getattr(p.urlconf_name, "__name__", None): str(p.pattern) for p in urlpatterns if hasattr(p, "urlconf_name")
    }
    for topic in TOPICS:
        added = plan_of(topic, "django").appends.get("project/urls.py")
        if added:
            assert (
                f'    path("{mounted[f"{topic}.django_app.urls"]}", include("{topic}.django_app.urls")),' == added[-2]
            )


# The install line is complete -------------------------------------------------
#
# The empty-folder runs use this test environment, which has every package of
# every page, so they cannot notice a package missing from a page's install
# line. This does: every distribution the example's files import (or name in a
# dotted setting such as "channels_redis.core.RedisChannelLayer"), and every
# tool its commands run, must come with the packages the install line names.


@functools.cache
def providers() -> dict[str, list[str]]:
    """Top-level module -> the distributions that provide it, in this environment."""
    from importlib import metadata

    return metadata.packages_distributions()


@functools.cache
def scripts() -> dict[str, str]:
    """Console script -> its distribution, in this environment."""
    from importlib import metadata

    return {ep.name: ep.dist.name for ep in metadata.entry_points(group="console_scripts") if ep.dist}


def imported_modules(path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+", node.value):  # "pkg.module.Class"
                found.add(node.value.split(".")[0])
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "INSTALLED_APPS" for t in node.targets):
            found |= {
                c.value.split(".")[0]
                for c in ast.walk(node.value)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
    return found


def installed_with(requirements: list[str]) -> set[str]:
    """The distributions that installing ``requirements`` brings, read from this environment's metadata."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    todo = [(Requirement(r.strip('"')), ()) for r in requirements]
    while todo:
        req, _ = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen.add(name)
        for sub in metadata.requires(req.name) or []:
            sub = Requirement(sub)
            extras = req.extras or {""}
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append((sub, ()))
    return seen


@pytest.mark.parametrize("framework", ["flask", "django"])
@pytest.mark.parametrize("topic", TOPICS)
def test_the_install_line_brings_everything_the_example_uses(topic, framework):
    from packaging.utils import canonicalize_name

    p = plan_of(topic, framework)
    local = {topic, "project"}
    modules = set()
    for f in p.files:
        if f.source is not None and f.source.suffix == ".py":
            modules |= imported_modules(f.source)
    used = {canonicalize_name(dist) for module in modules - local for dist in providers().get(module, [])}
    for line in p.run + p.expect:
        words = re.sub(r"^([A-Z_][A-Z0-9_]*=\S*\s+)+", "", line.split("  #")[0].strip().lstrip("(")).split()
        if not words or line.startswith("#"):
            continue
        if words[0] in scripts():
            used.add(canonicalize_name(scripts()[words[0]]))
        if words[:2] == ["python", "-m"]:
            used |= {canonicalize_name(d) for d in providers().get(words[2], [])}
    line = p.lts[2] if LTS_RUN and p.lts else p.pip  # the LTS run checks the LTS line
    assert used - installed_with(line) == set(), (
        f"examples/{topic}: the {p.framework} example uses these, "
        f"but `pip install {' '.join(line)}` does not install them"
    )

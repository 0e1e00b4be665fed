"""Each page's "Run it", followed from an empty folder, prints what the page says it prints.

tests/examples/empty_folder.py types the page's steps in a temporary folder:
the set-up (`django-admin startproject` for real), the files at the paths of
the page's tree, the lines added to the Django project, the commands, then
each command of the expected output, compared with the lines the page shows.
The install line is not run (nothing is downloaded); tests/site/test_run_it.py
checks it against the pins.
"""

from __future__ import annotations

import django
import pytest

from tests.examples.empty_folder import FRAMEWORKS, follow, plan_of

# Every cookbook page, with what the reader types at the prompts its commands show (a password,
# asked once or twice). Pages that start Redis need Debian's redis-server, as their own tests do.
PASSWORD = "a-long-password-for-alice"
TWICE = f"{PASSWORD}\n{PASSWORD}\n"
TOPICS = {
    "hello": "", "routing": "", "templates": "", "forms": "", "database": "", "auth": TWICE,
    "api": "", "static": "", "configuration": "", "testing": "", "cli": "", "admin": f"{PASSWORD}\n",
    "security": "", "async_views": "", "deployment": "", "uploads": "", "password_reset": TWICE,
    "i18n": "", "logs": "", "signals": "", "tasks": "", "realtime": "", "caching": "", "structure": "",
    "crud": "", "relationships": "", "api_frameworks": "",
}
# `make test-lts` runs these tests again on Django's LTS line, where Flask is the same release.
LTS_RUN = django.VERSION[:2] != tuple(int(n) for n in FRAMEWORKS["django"].current.release_line.split("."))


@pytest.mark.parametrize("framework", ["flask", "django"])
@pytest.mark.parametrize("topic", TOPICS)
def test_run_it_from_an_empty_folder(topic, framework, tmp_path):
    if LTS_RUN and framework == "flask":
        pytest.skip("Flask is the same release in the LTS run; the main run follows its steps")
    assert follow(topic, framework, tmp_path, TOPICS[topic]) >= 1


def test_every_cookbook_page_is_followed():
    from tests.examples.conftest import ROOT

    pages = {p.stem for p in (ROOT / "docs" / "cookbook").glob("*.md") if p.name != "index.md"}
    assert pages == set(TOPICS)


def test_the_reader_mounts_each_app_where_this_sites_project_does():
    """The pages' URLs hold in both: the reader's project/urls.py and examples/project/urls.py."""
    from project.urls import urlpatterns

    # include("x.urls") imports the module: its name is the module's __name__.
    mounted = {getattr(p.urlconf_name, "__name__", None): str(p.pattern) for p in urlpatterns
               if hasattr(p, "urlconf_name")}
    for topic in TOPICS:
        added = plan_of(topic, "django").appends.get("project/urls.py")
        if added:
            assert f'urlpatterns += [path("{mounted[f"{topic}.django_app.urls"]}", ' \
                   f'include("{topic}.django_app.urls"))]' == added[-1]

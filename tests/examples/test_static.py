"""Static files: each page links its CSS file, the link serves that file as CSS,
and Django's collectstatic copies it into STATIC_ROOT."""

from __future__ import annotations

import re
import shlex

from django.core.management import call_command

from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import bash
from tests.examples.serving import reader_env

FLASK_CSS = EXAMPLES / "static" / "static" / "site.css"
DJANGO_CSS = EXAMPLES / "static" / "django_app" / "static" / "static" / "site.css"


def stylesheet_href(html: str) -> str:
    match = re.search(r'<link rel="stylesheet"\s+href="([^"]+)">', html)
    assert match, "the page links a stylesheet"
    return match.group(1)


def test_flask_page_links_the_css_file_and_serves_it(flask_site):
    client = flask_site.client()
    page = client.get("/")
    assert page.status_code == 200
    href = stylesheet_href(page.text)
    assert href == "/static/site.css"
    css = client.get(href)
    try:
        assert css.status_code == 200
        assert css.mimetype == "text/css"
        assert css.get_data() == FLASK_CSS.read_bytes()
    finally:
        css.close()


def test_flask_routes_lists_the_static_route():
    out = bash(section("static/flask_commands.sh", "collect")[:1], EXAMPLES, reader_env())
    assert re.search(r"^static\s+GET\s+/static/<path:filename>", out, re.MULTILINE)


def test_django_page_links_the_css_file_under_static_url(django_site, settings):
    """The page is at its mount (/static-demo/), outside STATIC_URL; its link points under it."""
    page = django_site.client().get(django_site.url(""))
    assert page.status_code == 200
    href = stylesheet_href(page.content.decode())
    assert href == f"/{settings.STATIC_URL.strip('/')}/static/site.css"


def test_collectstatic_copies_the_css_into_static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    lines = section("static/django_commands.sh", "collect")
    argv = shlex.split(lines[0])
    assert argv[:3] == ["python", "manage.py", "collectstatic"]
    call_command(*argv[2:], verbosity=0)
    copied = settings.STATIC_ROOT / "static" / "site.css"
    assert copied.read_bytes() == DJANGO_CSS.read_bytes()
    # The admin's files come along: one folder holds every app's static files.
    assert (settings.STATIC_ROOT / "admin" / "css" / "base.css").is_file()

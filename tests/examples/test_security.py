"""Security defaults: every claim on the page, checked by requests through the real apps."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest
from django.test import Client
from flask import Flask, session

import security.django_app.recommended_settings as recommended
from security.flask_app import app
from tests.conftest import free_port
from tests.examples.conftest import EXAMPLES, section
from tests.examples.serving import as_typed, reader_env, serving

SCRIPT = "<script>alert('hi')</script>"


def token_in(html: str, field: str) -> str:
    match = re.search(rf'name="{field}" value="([^"]+)"', html)
    assert match, f"no {field} field in the form"
    return match.group(1)


def set_cookie(headers: list[str], name: str) -> str:
    found = [h for h in headers if h.startswith(f"{name}=")]
    assert found, f"no {name} cookie set"
    return found[0]


# Flask ----------------------------------------------------------------------


@pytest.fixture
def flask_client():
    return app.test_client()


def test_flask_rejects_a_post_without_a_csrf_token(flask_client):
    response = flask_client.post("/comment/", data={"text": "hi"})
    assert response.status_code == 400
    assert "CSRF token is missing" in response.text


def test_flask_accepts_the_form_with_its_token_and_escapes_the_comment(flask_client):
    form = flask_client.get("/comment/").text
    response = flask_client.post("/comment/", data={"text": SCRIPT, "csrf_token": token_in(form, "csrf_token")})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_flask_safe_filter_lets_trusted_html_through(flask_client):
    assert "<p><strong>Be kind.</strong> Comments are public.</p>" in flask_client.get("/comment/").text


def test_flask_session_cookie_has_the_configured_flags(flask_client):
    form = flask_client.get("/comment/").text
    response = flask_client.post("/comment/", data={"text": "hi", "csrf_token": token_in(form, "csrf_token")})
    cookie = set_cookie(response.headers.getlist("Set-Cookie"), "session")
    assert "; HttpOnly" in cookie and "; Secure" in cookie and "; SameSite=Lax" in cookie


def test_flask_after_request_hook_forbids_framing(flask_client):
    assert flask_client.get("/comment/").headers["X-Frame-Options"] == "DENY"
    # Error responses pass through the hook too.
    assert flask_client.post("/comment/").headers["X-Frame-Options"] == "DENY"


def test_a_bare_flask_app_has_none_of_these_except_escaping_and_httponly():
    """What the page says Flask does when you add nothing."""
    bare = Flask(__name__)
    bare.secret_key = "test"

    @bare.post("/")
    def remember():
        session["seen"] = True
        return "saved"

    response = bare.test_client().post("/")
    assert response.status_code == 200  # no CSRF check
    assert "X-Frame-Options" not in response.headers
    cookie = set_cookie(response.headers.getlist("Set-Cookie"), "session")
    assert "; HttpOnly" in cookie
    assert "Secure" not in cookie and "SameSite" not in cookie


# Django ---------------------------------------------------------------------


def django_post_with_token(client: Client, text: str):
    form = client.get("/comment/").content.decode()
    return client.post("/comment/", {"text": text, "csrfmiddlewaretoken": token_in(form, "csrfmiddlewaretoken")})


@pytest.fixture
def csrf_client():
    # The test client skips CSRF checks unless told otherwise; a browser gets them.
    return Client(enforce_csrf_checks=True)


@pytest.mark.urls("security.django_app.urls")
def test_django_rejects_a_post_without_a_csrf_token(csrf_client):
    response = csrf_client.post("/comment/", {"text": "hi"})
    assert response.status_code == 403
    assert "CSRF verification failed" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("security.django_app.urls")
def test_django_accepts_the_form_with_its_token_and_escapes_the_comment(csrf_client):
    response = django_post_with_token(csrf_client, SCRIPT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in html
    assert "<script>" not in html


@pytest.mark.urls("security.django_app.urls")
def test_django_safe_filter_lets_trusted_html_through(client):
    assert "<p><strong>Be kind.</strong> Comments are public.</p>" in client.get("/comment/").content.decode()


@pytest.mark.django_db
@pytest.mark.urls("security.django_app.urls")
def test_django_default_cookie_flags(csrf_client):
    response = django_post_with_token(csrf_client, "hi")
    session_cookie = response.cookies["sessionid"].output()
    assert "; HttpOnly" in session_cookie and "; SameSite=Lax" in session_cookie
    assert "Secure" not in session_cookie
    csrf_cookie = csrf_client.cookies["csrftoken"].output()
    assert "Secure" not in csrf_cookie


@pytest.mark.django_db
@pytest.mark.urls("security.django_app.urls")
def test_django_recommended_settings_make_both_cookies_secure(csrf_client, settings):
    for name in dir(recommended):
        if name.isupper():
            setattr(settings, name, getattr(recommended, name))
    response = django_post_with_token(csrf_client, "hi")
    session_cookie = response.cookies["sessionid"].output()
    assert "; HttpOnly" in session_cookie and "; Secure" in session_cookie and "; SameSite=Lax" in session_cookie
    assert "; Secure" in csrf_client.cookies["csrftoken"].output()
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.urls("security.django_app.urls")
def test_django_forbids_framing_by_default(client):
    assert client.get("/comment/")["X-Frame-Options"] == "DENY"


# Run it ---------------------------------------------------------------------


@pytest.mark.parametrize(("script", "path"), [("security/flask_commands.sh", "/comment/"),
                                              ("security/django_commands.sh", "/security/comment/")])
def test_run_commands_on_the_page_serve_the_form(script, path, tmp_path):
    lines = [line for line in section(script, "run") if not line.startswith("#")]
    assert lines[0] == "cd examples"
    port = free_port()
    env = reader_env(DJANGO_DB=str(tmp_path / "db.sqlite3"))
    *setup, run = [as_typed(shlex.split(line), port) for line in lines[1:]]
    for command in setup:
        proc = subprocess.run(command, cwd=EXAMPLES, env=env, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    with serving(run, f"http://127.0.0.1:{port}{path}", env) as (status, headers, body):
        assert status == 200
        assert headers["X-Frame-Options"] == "DENY"
        assert "<strong>Be kind.</strong>" in body


def test_flask_escapes_markup_templates_but_not_text_templates():
    # The rule the page states: escaping follows the template's file name.
    assert all(app.select_jinja_autoescape(f"page.{ext}") for ext in ("html", "htm", "xml", "xhtml", "svg"))
    assert not app.select_jinja_autoescape("email.txt")


def test_flask_escapes_when_rendering_exactly_the_templates_the_page_lists(tmp_path):
    """Render for real on the pinned Flask: .html, .htm, .xml, .xhtml, .svg and
    render_template_string() escape; any other name (an email .txt) does not."""
    from flask import Flask, render_template, render_template_string

    probe = Flask("probe", template_folder=str(tmp_path))
    names = ["page.html", "page.htm", "page.xml", "page.xhtml", "page.svg", "email.txt", "page.jinja"]
    for name in names:
        (tmp_path / name).write_text("{{ x }}", encoding="utf-8")
    with probe.app_context():
        shown = {name: render_template(name, x="<b>") for name in names}
        shown["render_template_string()"] = render_template_string("{{ x }}", x="<b>")
    escaped = {k for k, v in shown.items() if v == "&lt;b&gt;"}
    assert escaped == {"page.html", "page.htm", "page.xml", "page.xhtml", "page.svg", "render_template_string()"}
    assert shown["email.txt"] == shown["page.jinja"] == "<b>"

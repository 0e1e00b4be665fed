"""Security defaults: every claim on the page, checked by requests through the real apps."""

from __future__ import annotations

import pytest
from django.test import Client
from flask import Flask, session

import security.django_app.recommended_settings as recommended
from security.flask_app import create_app
from tests.examples.browsing import csrf_token
from tests.examples.garbage import NOT_UTF8, form_body

SCRIPT = "<script>alert('hi')</script>"


def set_cookie(headers: list[str], name: str) -> str:
    found = [h for h in headers if h.startswith(f"{name}=")]
    assert found, f"no {name} cookie set"
    return found[0]


# Flask ----------------------------------------------------------------------


SECRET = "a-long-random-value-from-the-environment"


@pytest.fixture
def flask_app():
    return create_app({"SECRET_KEY": SECRET})


@pytest.fixture
def flask_client(flask_app):
    return flask_app.test_client()


def test_flask_rejects_a_post_without_a_csrf_token(flask_client):
    response = flask_client.post("/comment/", data={"text": "hi"})
    assert response.status_code == 400
    assert "CSRF token is missing" in response.text


def test_flask_accepts_the_form_with_its_token_and_escapes_the_comment(flask_client):
    form = flask_client.get("/comment/").text
    response = flask_client.post("/comment/", data={"text": SCRIPT, "csrf_token": csrf_token(form)})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_flask_safe_filter_lets_trusted_html_through(flask_client):
    assert "<p><strong>Be kind.</strong> Comments are public.</p>" in flask_client.get("/comment/").text


def test_flask_session_cookie_has_the_configured_flags(flask_client):
    form = flask_client.get("/comment/").text
    response = flask_client.post("/comment/", data={"text": "hi", "csrf_token": csrf_token(form)})
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
    return client.post("/comment/", {"text": text, "csrfmiddlewaretoken": csrf_token(form)})


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


def test_flask_escapes_markup_templates_but_not_text_templates(flask_app):
    app = flask_app
    # The rule the page states: escaping follows the template's file name.
    assert all(app.select_jinja_autoescape(f"page.{ext}") for ext in ("html", "htm", "xml", "xhtml", "svg"))
    assert not app.select_jinja_autoescape("email.txt")


# Hardening: no secret, no start; bad input is a 4xx ----------------------------


BAD_COMMENTS = {"empty body": "", "no text": form_body({"txt": "hi"}), "blank text": form_body({"text": "  "})}


@pytest.mark.django_db
@pytest.mark.urls("security.django_app.urls")
@pytest.mark.parametrize("case", BAD_COMMENTS)
def test_a_post_without_a_comment_shows_the_form_again_in_both(flask_client, case):
    django_client = Client(enforce_csrf_checks=True)
    form = django_client.get("/comment/").content.decode()
    django = django_client.post(
        "/comment/",
        data=f"csrfmiddlewaretoken={csrf_token(form)}&" + BAD_COMMENTS[case],
        content_type="application/x-www-form-urlencoded",
    )
    token = csrf_token(flask_client.get("/comment/").text)
    flask = flask_client.post(
        "/comment/", data=f"csrf_token={token}&{BAD_COMMENTS[case]}", content_type="application/x-www-form-urlencoded"
    )
    assert (flask.status_code, django.status_code) == (200, 200)
    assert "Write a comment first." in flask.text and "Write a comment first." in django.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("security.django_app.urls")
def test_bytes_that_are_not_utf8_come_back_as_harmless_text(flask_client):
    django_client = Client(enforce_csrf_checks=True)
    form = django_client.get("/comment/").content.decode()
    body = form_body({"text": NOT_UTF8})
    django = django_client.post(
        "/comment/",
        data=f"csrfmiddlewaretoken={csrf_token(form)}&{body}",
        content_type="application/x-www-form-urlencoded",
    )
    token = csrf_token(flask_client.get("/comment/").text)
    flask = flask_client.post(
        "/comment/", data=f"csrf_token={token}&{body}", content_type="application/x-www-form-urlencoded"
    )
    assert (flask.status_code, django.status_code) == (200, 200)
    # Werkzeug 3.1 keeps the undecodable value percent-encoded; Django swaps in U+FFFD.
    assert "You said: %FF%FE%C3(" in flask.text
    assert "You said: \ufffd\ufffd\ufffd(" in django.content.decode()


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

"""Security defaults: every claim on the page, checked by requests through the real apps.

Both apps (the `site` fixture, tests/examples/apps.py) where the page says they agree. A
POST without its CSRF token is the attack suite's csrf rule, and a comment shown back
unescaped its escaping rule (tests/attacks/test_writes.py, test_input.py).
"""

from __future__ import annotations

import pytest
from flask import Flask, session

import security.django_app.recommended_settings as recommended
from tests.examples.browsing import body, csrf_token
from tests.examples.garbage import NOT_UTF8, form_body

TOKEN = {"flask": "csrf_token", "django": "csrfmiddlewaretoken"}


def set_cookie(headers: list[str], name: str) -> str:
    found = [h for h in headers if h.startswith(f"{name}=")]
    assert found, f"no {name} cookie set"
    return found[0]


def post_comment(site, client, raw: str):
    """The comment form posted with its token; `raw` is the urlencoded rest of the body."""
    token = csrf_token(body(client.get(site.url("comment/"))))
    return client.post(
        site.url("comment/"),
        data=f"{TOKEN[site.framework]}={token}&{raw}",
        content_type="application/x-www-form-urlencoded",
    )


def test_safe_filter_lets_trusted_html_through(site):
    assert "<p><strong>Be kind.</strong> Comments are public.</p>" in body(site.client().get(site.url("comment/")))


def test_framing_is_forbidden_on_every_answer(site):
    client = site.client()
    assert client.get(site.url("comment/")).headers["X-Frame-Options"] == "DENY"
    # Error answers too (Flask: its after_request hook; Django: its middleware).
    assert client.post(site.url("comment/")).headers["X-Frame-Options"] == "DENY"


def test_flask_session_cookie_has_the_configured_flags(flask_site):
    response = post_comment(flask_site, flask_site.client(), "text=hi")
    cookie = set_cookie(response.headers.getlist("Set-Cookie"), "session")
    assert "; HttpOnly" in cookie and "; Secure" in cookie and "; SameSite=Lax" in cookie


def test_django_default_cookie_flags(django_site):
    client = django_site.client()
    response = post_comment(django_site, client, "text=hi")
    session_cookie = response.cookies["sessionid"].output()
    assert "; HttpOnly" in session_cookie and "; SameSite=Lax" in session_cookie
    assert "Secure" not in session_cookie
    assert "Secure" not in client.cookies["csrftoken"].output()


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


def test_django_recommended_settings_make_both_cookies_secure(django_site, settings):
    for name in dir(recommended):
        if name.isupper():
            setattr(settings, name, getattr(recommended, name))
    client = django_site.client()
    response = post_comment(django_site, client, "text=hi")
    session_cookie = response.cookies["sessionid"].output()
    assert "; HttpOnly" in session_cookie and "; Secure" in session_cookie and "; SameSite=Lax" in session_cookie
    assert "; Secure" in client.cookies["csrftoken"].output()
    assert response["X-Frame-Options"] == "DENY"


# Bad input is the form again, never an error ---------------------------------------------


BAD_COMMENTS = {"empty body": "", "no text": form_body({"txt": "hi"}), "blank text": form_body({"text": "  "})}


@pytest.mark.parametrize("case", BAD_COMMENTS)
def test_a_post_without_a_comment_shows_the_form_again(site, case):
    response = post_comment(site, site.client(), BAD_COMMENTS[case])
    assert response.status_code == 200
    assert "Write a comment first." in body(response)


# Werkzeug 3.1 keeps the undecodable value percent-encoded; Django swaps in U+FFFD.
SHOWN = {"flask": "You said: %FF%FE%C3(", "django": "You said: \ufffd\ufffd\ufffd("}


def test_bytes_that_are_not_utf8_come_back_as_harmless_text(site):
    response = post_comment(site, site.client(), form_body({"text": NOT_UTF8}))
    assert response.status_code == 200
    assert SHOWN[site.framework] in body(response)


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

"""Forms: GET shows the form, a bad POST shows the page's error messages, a good POST redirects.

Both sides post the CSRF token the way a browser does: read it from the form
that a GET returned, then send it back. Django's test client would skip the
check by default; `enforce_csrf_checks=True` makes it behave like a browser,
so the tests also prove that the template includes the token.
Django is requested through the project's URLs (/forms/...), as `runserver`
serves it, so the view's `redirect("forms:thanks")` resolves.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest
from django.test import Client

from forms.flask_app import create_app
from tests.examples.garbage import form_variants

DJANGO = "/forms"  # where project/urls.py includes forms.django_app.urls
REQUIRED = "This field is required."
BAD_EMAIL = "Enter a valid email address."
SECRET = "a-long-random-value-from-the-environment"


class Form(HTMLParser):
    """The inputs of the page's form and its visible text, as a browser would see them."""

    def __init__(self, html: str):
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            attrs = dict(attrs)
            self.inputs[attrs["name"]] = attrs

    def handle_data(self, data):
        self.text += data

    def hidden(self) -> dict[str, str]:
        return {k: v["value"] for k, v in self.inputs.items() if v.get("type") == "hidden"}


class Browser:
    """GET and POST in either framework, with the CSRF token sent back as a browser would."""

    def __init__(self, framework: str):
        self.framework = framework
        self.client = (
            create_app({"SECRET_KEY": SECRET}).test_client()
            if framework == "flask"
            else Client(enforce_csrf_checks=True)
        )
        self.prefix = "" if framework == "flask" else DJANGO

    def get(self, path):
        response = self.client.get(self.prefix + path)
        return response.status_code, self.body(response)

    def submit(self, path, data):
        """Load the form, then post `data` with the form's hidden fields (the CSRF token)."""
        status, html = self.get(path)
        assert status == 200
        response = self.client.post(self.prefix + path, data={**Form(html).hidden(), **data})
        location = response.headers.get("Location") if response.status_code in (301, 302, 303) else None
        return response.status_code, self.body(response), location

    @staticmethod
    def body(response) -> str:
        return response.content.decode() if hasattr(response, "content") else response.text


@pytest.fixture(params=["flask", "django"])
def browser(request, db):
    return Browser(request.param)


def test_get_shows_an_empty_form_with_a_csrf_token(browser):
    status, html = browser.get("/signup/")
    assert status == 200
    form = Form(html)
    assert form.inputs["name"]["type"] == "text"
    assert form.inputs["email"]["type"] == "email"
    assert "required" in form.inputs["name"] and "required" in form.inputs["email"]
    assert len(form.hidden()) == 1 and all(form.hidden().values())
    assert "Name" in form.text and "Email" in form.text
    assert REQUIRED not in html and BAD_EMAIL not in html


def test_empty_post_says_both_fields_are_required(browser):
    status, html, location = browser.submit("/signup/", {"name": "  ", "email": ""})
    assert status == 200 and location is None
    assert Form(html).text.count(REQUIRED) == 2


def test_bad_email_is_refused_and_the_name_is_kept(browser):
    status, html, location = browser.submit("/signup/", {"name": "Ada", "email": "ada.example.com"})
    assert status == 200 and location is None
    form = Form(html)
    assert BAD_EMAIL in form.text
    assert REQUIRED not in form.text
    # the reader's input comes back, so they only fix what was wrong
    assert form.inputs["name"]["value"] == "Ada"
    assert form.inputs["email"]["value"] == "ada.example.com"


def test_good_post_redirects_to_the_thanks_page(browser):
    status, _, location = browser.submit("/signup/", {"name": "Ada", "email": "ada@example.com"})
    assert status == 302
    assert location == f"{browser.prefix}/thanks/"
    status, html = browser.get("/thanks/")
    assert status == 200
    assert "Thanks, Ada! We will write to ada@example.com." in Form(html).text
    # the message is shown once, then gone
    assert "Thanks, Ada" not in browser.get("/thanks/")[1]


def test_post_without_the_token_is_refused(browser):
    response = browser.client.post(browser.prefix + "/signup/", data={"name": "Ada", "email": "ada@example.com"})
    assert response.status_code == (400 if browser.framework == "flask" else 403)
    assert "CSRF" in browser.body(response)


@pytest.mark.parametrize("case", form_variants({"name": "Ada", "email": "ada@example.com"}))
def test_bad_input_shows_the_form_again_and_never_an_error_page(browser, case):
    """Missing fields and bytes that are not UTF-8 get the form back with its messages (200), never a 500."""
    _, html = browser.get("/signup/")
    body = "&".join(f"{k}={v}" for k, v in Form(html).hidden().items())
    bad = form_variants({"name": "Ada", "email": "ada@example.com"})[case]
    response = browser.client.post(
        browser.prefix + "/signup/", data=f"{body}&{bad}", content_type="application/x-www-form-urlencoded"
    )
    if case == "name not UTF-8":  # an odd name, but a name: accepted
        assert response.status_code == 302
        return
    assert response.status_code == 200, case
    assert REQUIRED in browser.body(response) or BAD_EMAIL in browser.body(response)


def test_a_long_crafted_email_is_refused_at_once(browser):
    """A hand-written pattern backtracked for seconds on this (a ReDoS); the frameworks' validators do not."""
    _, html = browser.get("/signup/")
    data = {**Form(html).hidden(), "name": "Ada", "email": "a@" + "." * 16_000 + " "}
    start = time.process_time()
    response = browser.client.post(browser.prefix + "/signup/", data=data)
    assert time.process_time() - start < 0.5
    assert response.status_code == 200 and BAD_EMAIL in browser.body(response)

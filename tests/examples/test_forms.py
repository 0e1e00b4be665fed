"""Forms: GET shows the form, a bad POST shows the page's error messages, a good POST redirects.

Each test runs on both frameworks (the `site` fixture, tests/examples/apps.py), posting
the CSRF token the way a browser does: read from the form a GET returned, then sent
back, so the tests also prove that the template includes the token. A POST without
it is the attack suite's csrf rule (tests/attacks/test_writes.py).
"""

from __future__ import annotations

import time

import pytest

from tests.examples.browsing import Inputs, body
from tests.examples.garbage import form_variants

REQUIRED = "This field is required."
BAD_EMAIL = "Enter a valid email address."


def get(browser, site, path) -> tuple[int, str]:
    response = browser.get(site.url(path))
    return response.status_code, body(response)


def submit(site, data, browser=None) -> tuple[int, str, str | None]:
    """Load the signup form, then post `data` with its hidden fields (the CSRF token)."""
    response = (browser or site.browser()).submit(site.url("signup/"), data)
    location = response.headers.get("Location") if response.status_code in (301, 302, 303) else None
    return response.status_code, body(response), location


def test_get_shows_an_empty_form_with_a_csrf_token(site):
    status, html = get(site.browser(), site, "signup/")
    assert status == 200
    form = Inputs(html)
    assert form.inputs["name"]["type"] == "text"
    assert form.inputs["email"]["type"] == "email"
    assert "required" in form.inputs["name"] and "required" in form.inputs["email"]
    assert len(form.hidden()) == 1 and all(form.hidden().values())
    assert "Name" in form.text and "Email" in form.text
    assert REQUIRED not in html and BAD_EMAIL not in html


def test_empty_post_says_both_fields_are_required(site):
    status, html, location = submit(site, {"name": "  ", "email": ""})
    assert status == 200 and location is None
    assert Inputs(html).text.count(REQUIRED) == 2


def test_bad_email_is_refused_and_the_name_is_kept(site):
    status, html, location = submit(site, {"name": "Ada", "email": "ada.example.com"})
    assert status == 200 and location is None
    form = Inputs(html)
    assert BAD_EMAIL in form.text
    assert REQUIRED not in form.text
    # the reader's input comes back, so they only fix what was wrong
    assert form.inputs["name"]["value"] == "Ada"
    assert form.inputs["email"]["value"] == "ada.example.com"


def test_good_post_redirects_to_the_thanks_page(site):
    browser = site.browser()
    status, _, location = submit(site, {"name": "Ada", "email": "ada@example.com"}, browser)
    assert status == 302
    assert location == site.url("thanks/")
    status, html = get(browser, site, "thanks/")
    assert status == 200
    assert "Thanks, Ada! We will write to ada@example.com." in Inputs(html).text
    # the message is shown once, then gone
    assert "Thanks, Ada" not in get(browser, site, "thanks/")[1]


@pytest.mark.parametrize("case", form_variants({"name": "Ada", "email": "ada@example.com"}))
def test_bad_input_shows_the_form_again_and_never_an_error_page(site, case):
    """Missing fields and bytes that are not UTF-8 get the form back with its messages (200), never a 500."""
    browser = site.browser()
    token = "&".join(f"{k}={v}" for k, v in Inputs(get(browser, site, "signup/")[1]).hidden().items())
    bad = form_variants({"name": "Ada", "email": "ada@example.com"})[case]
    response = browser.client.post(
        site.url("signup/"), data=f"{token}&{bad}", content_type="application/x-www-form-urlencoded"
    )
    if case == "name not UTF-8":  # an odd name, but a name: accepted
        assert response.status_code == 302
        return
    assert response.status_code == 200, case
    assert REQUIRED in body(response) or BAD_EMAIL in body(response)


def test_a_long_crafted_email_is_refused_at_once(site):
    """A hand-written pattern backtracked for seconds on this (a ReDoS); the frameworks' validators do not."""
    browser = site.browser()
    data = {**Inputs(get(browser, site, "signup/")[1]).hidden(), "name": "Ada", "email": "a@" + "." * 16_000 + " "}
    start = time.process_time()
    response = browser.client.post(site.url("signup/"), data=data)
    assert time.process_time() - start < 0.5
    assert response.status_code == 200 and BAD_EMAIL in body(response)

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


def signup(site, data, browser=None):
    """Load the signup form, then post `data` with its hidden fields (the CSRF token)."""
    return (browser or site.browser()).submit(site.url("signup/"), data)


def hidden(browser, site) -> dict[str, str]:
    """The hidden fields (the CSRF token) of the signup form this browser loads."""
    return Inputs(body(browser.get(site.url("signup/")))).hidden()


def test_get_shows_an_empty_form_with_a_csrf_token(site):
    page = site.browser().get(site.url("signup/"))
    assert page.status_code == 200
    form = Inputs(body(page))
    assert form.inputs["name"]["type"] == "text"
    assert form.inputs["email"]["type"] == "email"
    assert "required" in form.inputs["name"] and "required" in form.inputs["email"]
    assert len(form.hidden()) == 1 and all(form.hidden().values())
    assert "Name" in form.text and "Email" in form.text
    assert REQUIRED not in body(page) and BAD_EMAIL not in body(page)


def test_empty_post_says_both_fields_are_required(site):
    response = signup(site, {"name": "  ", "email": ""})
    assert response.status_code == 200  # the form again, not a redirect
    assert Inputs(body(response)).text.count(REQUIRED) == 2


def test_bad_email_is_refused_and_the_name_is_kept(site):
    response = signup(site, {"name": "Ada", "email": "ada.example.com"})
    assert response.status_code == 200
    form = Inputs(body(response))
    assert BAD_EMAIL in form.text
    assert REQUIRED not in form.text
    # the reader's input comes back, so they only fix what was wrong
    assert form.inputs["name"]["value"] == "Ada"
    assert form.inputs["email"]["value"] == "ada.example.com"


def test_good_post_redirects_to_the_thanks_page(site):
    browser = site.browser()
    response = signup(site, {"name": "Ada", "email": "ada@example.com"}, browser)
    assert response.status_code == 302 and response.headers["Location"] == site.url("thanks/")
    thanks = browser.get(site.url("thanks/"))
    assert thanks.status_code == 200
    assert "Thanks, Ada! We will write to ada@example.com." in Inputs(body(thanks)).text
    # the message is shown once, then gone
    assert "Thanks, Ada" not in body(browser.get(site.url("thanks/")))


@pytest.mark.parametrize("case", form_variants({"name": "Ada", "email": "ada@example.com"}))
def test_bad_input_shows_the_form_again_and_never_an_error_page(site, case):
    """Missing fields and bytes that are not UTF-8 get the form back with its messages (200), never a 500."""
    browser = site.browser()
    token = "&".join(f"{k}={v}" for k, v in hidden(browser, site).items())
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
    data = {**hidden(browser, site), "name": "Ada", "email": "a@" + "." * 16_000 + " "}
    start = time.process_time()
    response = browser.client.post(site.url("signup/"), data=data)
    assert time.process_time() - start < 0.5
    assert response.status_code == 200 and BAD_EMAIL in body(response)

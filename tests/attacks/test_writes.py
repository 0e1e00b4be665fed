"""Writes: refused without a CSRF token, and refused to anonymous visitors unless the page says why."""

import json

import pytest

from tests.attacks.conftest import CELLS, GENERIC_FORM, json_fields, named, seed, snapshot, to_login, write_targets


def body_for(browser, url, fields):
    return {"form": fields} if fields is not None else {"json_body": json_fields(browser, url)}


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_a_write_without_csrf_token_is_refused(topic, framework, attack, verdict):
    v = verdict("csrf", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        before = snapshot(browser, topic)
        if fields is not None:
            forged = browser.send(method, url, form={k: v2 for k, v2 in fields.items() if "csrf" not in k})
        else:  # what a page on another site can send to a JSON API: a form post of JSON-looking text
            forged = browser.send(method, url, raw=json.dumps(json_fields(browser, url)), content_type="text/plain")
        if forged.status in {404, 405}:
            continue
        changed = snapshot(browser, topic) != before
        refused = (
            400 <= forged.status < 500 or to_login(forged) or (forged.status == 200 and "csrf" in forged.text.lower())
        )
        v.check(
            endpoint,
            refused and not changed,
            f"{method} {url} without a token answered {forged.status}" + (" and changed data" if changed else ""),
        )
    v.done()


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_a_write_needs_a_signed_in_user(topic, framework, attack, verdict):
    v = verdict("writes", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        if named(endpoint, "login", "logout", "reset", "signup"):
            continue  # signing in, signing up and asking for a reset are what anonymous visitors do
        # the route's own form, or (no form on any page) JSON and then a plain form post
        for body in [body_for(browser, url, fields)] + ([{"form": GENERIC_FORM}] if fields is None else []):
            before = snapshot(browser, topic)
            sent = browser.send(method, url, csrf=True, **body)
            if sent.status in {404, 405}:
                continue
            changed = snapshot(browser, topic) != before
            accepted = changed or (sent.status in {201, 202, 301, 302, 303} and not to_login(sent))
            v.check(
                endpoint,
                not accepted,
                f"an anonymous {method} {url} was accepted ({sent.status}" + (", data changed)" if changed else ")"),
            )
    v.done()

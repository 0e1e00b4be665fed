"""Writes: refused without a CSRF token, and refused to anonymous visitors unless the page says why.

The CSRF rule proves the refusal is the token's: each form write goes three times from a signed-in
browser (a Django superuser; HTTP Basic credentials an app keeps in its config): without its token,
with a token another visitor's session rendered (what an attacker copies from their own browser),
and with its own (Flask-WTF's check off, or Django's client that does not enforce it); the first
two must be refused and change no data, the last only may be taken. A route is reached as a reader
reaches it: a password reset's through the link it mails, Flask-Admin's edit through the page's
link with ?id=. A JSON write must also refuse the same JSON sent as text/plain, a form or
multipart (what another site's form or a no-preflight fetch sends) unless it needs a token.
"""

import contextlib
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.attacks.conftest import (
    CELLS,
    GENERIC_FORM,
    Forms,
    forms_of,
    json_fields,
    matches,
    named,
    posted_forms,
    seed,
    snapshot,
    to_login,
    write_targets,
)
from tests.attacks.test_accounts import PASSWORD, login_routes, make_user, reset_link, resets, sign_in

# What each framework answers when the token is missing: Flask-WTF's "The CSRF token is missing."
# (CSRFProtect's 400 or a form's error), Django's "CSRF verification failed" page.
CSRF_REFUSAL = re.compile(r"csrf (token|session token|cookie|verification)", re.I)
# What a page on another site can send with no CORS preflight: an HTML form's three encodings, or
# fetch(..., {mode: "no-cors"}) with any body under one of these content types.
SIMPLE_TYPES = ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")


def refused(resp, changed, logout=False) -> bool:
    # a redirect to the login page refuses a write, but is what signing out answers
    sent_away = to_login(resp) and not logout
    return not changed and (400 <= resp.status < 500 or sent_away or bool(CSRF_REFUSAL.search(resp.text)))


def takes(resp, changed, logout=False) -> bool:
    """The app did the write (or answered as if it had): what a request with a valid token must get."""
    sent_away = to_login(resp) and not logout
    return changed or (200 <= resp.status < 400 and not sent_away and not CSRF_REFUSAL.search(resp.text))


def unique(body: dict, n: int) -> dict:
    """The same body with its text made unique, so a second write is not refused as a duplicate."""
    return {k: f"{v} {n}" if isinstance(v, str) and not v.isdigit() and "csrf" not in k else v for k, v in body.items()}


NUMERIC = re.compile(r"year|count|number|stock|age|quantity|price", re.I)


def fields_asked_for(resp) -> dict | None:
    """The fields a refused form post names in its JSON errors ({"errors": {"title": [...]}}), filled in."""
    try:
        errors = json.loads(resp.body).get("errors")
    except (ValueError, AttributeError):
        return None
    if not isinstance(errors, dict):
        return None
    return {k: "3" if NUMERIC.search(k) else "Plain words" for k in errors if "csrf" not in k} or None


def sent(browser, topic, method, url, **kwargs):
    """The response, and whether the topic's data changed; Django's writes are then undone (a savepoint),
    so a row a request with a token deleted is there for the next method of the same route."""
    from django.db import transaction

    django = browser.framework == "django"
    with transaction.atomic() if django else contextlib.nullcontext():
        before = snapshot(browser, topic)
        resp = browser.send(method, url, **kwargs)
        changed = snapshot(browser, topic) != before
        if django:
            transaction.set_rollback(True)
    return resp, changed


def sign_in_as_admin(browser) -> str | None:
    """Forged requests ride on the victim's cookies: sign in (a Django superuser), if the app has accounts."""
    if browser.framework == "flask":  # an app asking for HTTP Basic credentials it keeps in its config
        import base64

        from werkzeug.security import generate_password_hash

        for key in [k for k in browser.app.config if k.endswith("PASSWORD_HASH")]:
            user = browser.app.config.get(key.removesuffix("PASSWORD_HASH") + "USERNAME")
            if user:
                browser.app.config[key] = generate_password_hash(PASSWORD)
                pair = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
                # the browser sends these with every request, a forged one too
                browser.client.environ_base["HTTP_AUTHORIZATION"] = f"Basic {pair}"
    logins = login_routes(browser)
    identity = make_user(browser) if logins else None
    if identity is None:
        return None
    if browser.framework == "django":
        from django.contrib.auth import get_user_model

        get_user_model().objects.filter(username=identity).update(is_staff=True, is_superuser=True)
    r = sign_in(browser, logins[0], identity)
    return identity if r is not None and r.status in {301, 302, 303} else None


def linked_url(browser, endpoint) -> str | None:
    """A link on one of the topic's pages to this route with a query string (Flask-Admin's
    /edit/?id=1), for a route that redirects when it is opened bare."""
    if not hasattr(browser, "linked"):  # every page read once per test
        pages = [(e.url(), browser.get(e.url())) for e in browser.endpoints if e.allows("GET") and not e.params]
        hrefs = [urljoin(url, href) for url, r in pages if "html" in r.content_type for href in Forms(r.text).links]
        browser.linked = [urlsplit(href) for href in hrefs]
    return next((f"{p.path}?{p.query}" for p in browser.linked if p.query and matches(endpoint, p.path)), None)


def mailed(endpoint) -> bool:
    """A route whose parameters only a mailed link carries (a password reset's uid and token)."""
    return bool(endpoint.params) and named(endpoint, "reset")


def mailed_link(browser, endpoint, identity) -> str | None:
    """The URL the reset form mails to ``identity`` for this route, as the reader's browser opens it."""
    links = (reset_link(browser, reset, identity) for reset in resets(browser))
    return next((link for link in links if link and matches(endpoint, urlsplit(link).path)), None)


def check_json_route(browser, topic, method, url, v, endpoint):
    """A JSON write: the same JSON, sent as a cross-site page can send it, is refused (by type or token)."""
    body = json_fields(browser, url)
    taken = []
    for n, kind in enumerate(SIMPLE_TYPES, 1):
        forged, changed = sent(browser, topic, method, url, raw=json.dumps(unique(body, n)), content_type=kind)
        if not refused(forged, changed):
            taken.append(f"as {kind} {forged.status}" + (" (data changed)" if changed else ""))
    answers = ", ".join(taken)
    v.check(
        endpoint,
        not taken,
        f"{method} {url}: the same JSON with no token, sent as another site can send it, "
        f"answered {answers}: refuse any body not sent as application/json, or require a CSRF token",
    )


def strangers_token(browser) -> dict:
    """The token fields another visitor's own session renders, as an attacker copies them from their
    own browser (with the HTTP Basic credentials an app has one pair of). Flask-WTF and Django keep
    one token per session, so any of the stranger's forms gives it."""
    if not hasattr(browser, "strangers"):  # read once per test
        forms = posted_forms(browser.another(basic=True)).values()
        tokens = ({k: val for k, val in form.items() if "csrf" in k} for form in forms)
        browser.strangers = next((token for token in tokens if token), {})
    return browser.strangers


def sends(browser, topic, method, url, fields):
    """The form sent without its token, with another visitor's, then with its own: the forged ones first,
    so a write the app wrongly takes shows as changed data and not as a row the control already deleted."""
    plain = {k: val for k, val in fields.items() if "csrf" not in k}
    stolen = strangers_token(browser)

    def three(plain, n):
        return (
            sent(browser, topic, method, url, form=unique(plain, n)),
            sent(browser, topic, method, url, form=unique({**plain, **stolen}, n + 1)) if stolen else None,
            sent(browser, topic, method, url, form=unique(plain, n + 2), csrf=True),
        )

    forged, other, control = three(plain, 1)
    if not takes(*control) and (asked := fields_asked_for(control[0])):
        # a form no page shows: the fields its errors name
        forged, other, control = three({**plain, **asked}, 4)
    return forged, other, control


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_a_write_without_its_own_csrf_token_is_refused(topic, framework, attack, verdict):
    """Each write is sent alike but for the token: with its own, the app takes it; without one, or with
    another visitor's, it refuses and changes nothing.

    A route the rule cannot make the app take (a body it cannot guess) is listed under the matrix as
    not tested, never counted as held. A JSON route (one that takes application/json with a token)
    must refuse the same JSON sent as text/plain, a form or multipart, as another site can send it.
    """
    v = verdict("csrf", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    # signed in first, so the forms a visitor sees only then are found too
    identity = sign_in_as_admin(browser) if browser else None
    targets = write_targets(browser) if browser else []
    # deleting, resetting the password and signing out last, so every other write finds its row
    # and the session a forged request rides on
    for endpoint, method, _, fields in sorted(
        targets, key=lambda t: (named(t[0], "logout"), mailed(t[0]), t[1] == "DELETE" or named(t[0], "delete"))
    ):
        # the first seeded row (Django's <path:object_id> would otherwise be a file name)
        url = endpoint.url(**{name: "1" for _, name in endpoint.params if name == "pk" or name.endswith("id")})
        if mailed(endpoint) and identity and (link := mailed_link(browser, endpoint, identity)):
            url = link
            fields = next(iter(forms_of(browser.get(url))), {}).get("fields", fields)
        read = browser.get(url) if endpoint.allows("GET") else None
        if read and 300 <= read.status < 400 and not to_login(read) and (link := linked_url(browser, endpoint)):
            url, read = link, browser.get(link)
            fields = next(iter(forms_of(read)), {}).get("fields", fields)
        tried = ""
        if fields is None:
            body = unique(json_fields(browser, url), len(v.held) + 1)
            control = sent(browser, topic, method, url, json_body=body, csrf=True)
            if takes(*control) and not writes_nothing(v, method, url, read, *control):
                check_json_route(browser, topic, method, url, v, endpoint)
                continue
            fields = GENERIC_FORM  # not JSON: a plain form post
            tried = f"as JSON {control[0].status}, as a form "
        logout = named(endpoint, "logout")
        forged, other, (control, c_changed) = sends(browser, topic, method, url, fields)
        tries = [("without a token", forged)] + ([("with another visitor's token", other)] if other else [])
        wrong = [
            f"{how} answered {r.status}" + (" and changed data" if changed else "")
            for how, (r, changed) in tries
            if not refused(r, changed, logout)
        ]
        if not wrong and writes_nothing(v, method, url, read, control, c_changed):
            continue
        if other is None:
            v.untested.append(f"{method} {url}: no page showed another visitor a token to send in its place")
        if wrong:
            v.check(endpoint, False, f"{method} {url} " + ", ".join(wrong) + f" (with its own: {control.status})")
        elif takes(control, c_changed, logout) or (
            CSRF_REFUSAL.search(forged[0].text) and not CSRF_REFUSAL.search(control.text)
        ):
            v.check(endpoint, True)  # refused for the missing token, and for nothing else
        else:
            v.untested.append(
                f"{method} {url}: with a token too it answered {tried}{control.status}, so the refusal"
                f" without one ({forged[0].status}) may not be the token's"
            )
    v.done()


def writes_nothing(v, method, url, read, control, changed) -> bool:
    """405: the route does not take the method. 404, or the answer a GET gets (a Django function view
    answers any method alike): nothing to write here, which the matrix lists."""
    alike = not changed and read is not None and (control.status, control.body) == (read.status, read.body)
    if control.status == 404 or alike:
        why = "404" if control.status == 404 else f"{control.status}, as a GET does"
        v.untested.append(f"{method} {url}: with a token it answered {why}: no write to try")
    return control.status in {404, 405} or alike


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_a_write_needs_a_signed_in_user(topic, framework, attack, verdict):
    v = verdict("writes", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        if named(endpoint, "login", "logout", "reset", "signup"):
            continue  # signing in, signing up and asking for a reset are what anonymous visitors do
        # the route's own form, or (no form on any page) JSON and then a plain form post
        bodies = [{"form": fields}]
        if fields is None:
            bodies = [{"json_body": json_fields(browser, url)}, {"form": GENERIC_FORM}]
        for body in bodies:
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

"""Accounts: a session ends on logout and on a password change; login and reset do not tell who has
an account by their timing; an object one visitor made is not fetched by another by guessing its id.

A user is made the way each framework's docs make one (Django's create_user; in
Flask, the app's own model with its set_password), then signs in through the
app's own login form, as a browser does.
"""

import re
import statistics
import time

import pytest

from tests.attacks.conftest import CELLS, GENERIC_FORM, MAILBOX, forms_of, named, to_login, write_targets

PASSWORD = "Correct-Horse-Battery-9"
NEW_PASSWORD = "Another-Horse-Battery-7"
WRONG = "Wrong-Horse-Battery-1"
WHO = re.compile(r"user|email|login|name", re.I)


def make_user(browser, who="reader"):
    """A user with PASSWORD; returns the identity a login form takes, or None if the app has no users."""
    if browser.framework == "django":
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        if not users.filter(username=who).exists():
            users.create_user(who, f"{who}@example.com", PASSWORD)
        return who
    app, ext = browser.app, browser.app.extensions.get("sqlalchemy")
    mappers = ext.Model.registry.mappers if ext else ()
    for mapper in [m for m in mappers if hasattr(m.class_, "set_password")][:1]:
        columns = {c.key for c in mapper.columns}
        email = f"{who}@example.com"
        with app.app_context():
            user = mapper.class_(**{k: email if k == "email" else who for k in columns & {"email", "username", "name"}})
            user.set_password(PASSWORD)
            ext.session.add(user)
            try:
                ext.session.commit()
            except Exception:  # noqa: BLE001  (made by an earlier test of this module)
                ext.session.rollback()
        return email if "email" in columns else who
    return None


def login_routes(browser):
    return [
        e for e in browser.endpoints if named(e, "login") and (not e.methods or "POST" in e.methods) and not e.params
    ]


def filled(form, who, password=None) -> dict:
    """The form's fields, ``who`` in each box naming a user (an address where it asks for an email), and
    ``password`` in each password box."""
    fields = dict(form["fields"])
    for name, kind in form["types"].items():
        if kind == "password" and password:
            fields[name] = password
        elif who and (kind == "email" or kind == "text" and WHO.search(name)):
            fields[name] = who if "@" in who or kind != "email" else f"{who}@example.com"
    return fields


def sign_in(browser, endpoint, identity, password=PASSWORD):
    forms = forms_of(browser.get(endpoint.url()))
    return browser.send("POST", endpoint.url(), form=filled(forms[0], identity, password)) if forms else None


def resets(browser):
    return [e for e in browser.endpoints if named(e, "reset") and not e.params and e.allows("POST")]


def reset_link(browser, reset, identity) -> str | None:
    """The reset form at ``reset`` sent for ``identity``: "" if it shows no form, None if no mail with a link
    came, else the URL the link leads to (Django's redirects once, to a URL that keeps the token in the session)."""
    page = forms_of(browser.get(reset.url()))
    if not page:
        return ""
    before = _mail_count(browser.framework)
    email = identity if "@" in identity else f"{identity}@example.com"
    browser.send("POST", reset.url(), form=filled(page[0], email), csrf=True)
    link = _link(browser.framework, before)
    return link and (browser.get(link).location or link)


def private_routes(browser):
    """GET routes that send an anonymous visitor to sign in (or refuse them)."""
    found = []
    for e in browser.endpoints:
        if e.allows("GET") and not e.params and not named(e, "login", "logout"):
            r = browser.get(e.url())
            if to_login(r) or r.status in {401, 403}:
                found.append(e)
    return found


def cookies(browser):
    if browser.framework == "flask":
        return {c.key: c.value for c in browser.client._cookies.values()}
    return {k: m.value for k, m in browser.client.cookies.items()}


def signed_in(browser, private) -> bool:
    return browser.get(private.url()).status == 200


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_a_session_ends_on_logout_and_on_a_password_change(topic, framework, attack, verdict):
    v = verdict("sessions", topic, framework)
    browser = attack(topic, framework)
    logins = login_routes(browser) if browser else []
    identity = make_user(browser) if logins else None
    private = private_routes(browser) if identity else []
    for login in logins:
        if not private or not sign_in(browser, login, identity) or not signed_in(browser, private[0]):
            continue
        jar = cookies(browser)
        for logout in [e for e in browser.endpoints if named(e, "logout")]:
            browser.send("POST", logout.url(), csrf=True)
            v.check(logout, not signed_in(browser, private[0]), f"still signed in after POST {logout.url()}")
            sign_in(browser, login, identity)
            jar = cookies(browser)
        for reset in resets(browser):
            target = reset_link(browser, reset, identity)
            if target is None:
                v.check(reset, False, f"POST {reset.url()} for a known user sent no message with a link")
            if not target:
                continue
            form = forms_of(browser.get(target))
            if not form:
                v.check(reset, False, f"the reset link {target} shows no form")
                continue
            done = browser.send("POST", target, form=filled(form[0], None, NEW_PASSWORD))
            if done.status >= 400:
                v.check(reset, False, f"setting a new password through {target} answered {done.status}")
                continue
            before = browser.another(jar)
            v.check(reset, not signed_in(before, private[0]), "a session cookie from before the reset still signs in")
    v.done()


def _mail_count(framework):
    from django.core import mail

    return len(getattr(mail, "outbox", [])) if framework == "django" else len(MAILBOX)


def _link(framework, before):
    if framework == "django":
        from django.core import mail

        texts = [m.body for m in mail.outbox[before:]]
    else:
        deadline = time.monotonic() + 5
        while len(MAILBOX) <= before and time.monotonic() < deadline:
            time.sleep(0.05)
        texts = MAILBOX[before:]
    for text in texts:
        text = re.sub(r"=\r?\n", "", text)  # quoted-printable soft breaks
        match = re.search(r"https?://[^/\s]+(/\S*reset\S*)", text)
        if match:
            return match.group(1).rstrip(".>)")
    return None


def _median_seconds(browser, url, fields, times=3):
    """How long the app takes to answer this POST: the median of three."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        browser.send("POST", url, form=fields, csrf=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_login_and_reset_take_as_long_for_unknown_users(topic, framework, attack, verdict):
    v = verdict("timing", topic, framework)
    browser = attack(topic, framework)
    logins = login_routes(browser) if browser else []
    identity = make_user(browser) if logins else None
    if identity:
        other = "nobody@example.com" if "@" in identity else "nobody"
        for endpoint in logins:
            page = forms_of(browser.get(endpoint.url()))
            if not page:
                continue
            form, url = page[0], endpoint.url()
            known, unknown = (_median_seconds(browser, url, filled(form, who, WRONG)) for who in (identity, other))
            slow, fast = max(known, unknown), max(min(known, unknown), 0.002)
            # Generous: a tenth of a password hash (50 ms) and a factor of 5 must both show.
            v.check(
                endpoint,
                slow / fast < 5 or slow - fast < 0.05,
                f"POST {url}: {known * 1000:.0f} ms for a known user, {unknown * 1000:.0f} ms for an unknown one",
            )
    v.done()


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_an_object_is_not_fetched_by_another_visitor_guessing_its_id(topic, framework, attack, verdict):
    """What one visitor keeps (a file they upload, anything made while signed in) is theirs alone.

    The visitor makes it through the app's own form; a stranger then asks for
    the page the app sent the maker to. A sequential id there must not be enough.
    """
    v = verdict("owner", topic, framework)
    browser = attack(topic, framework)
    logins = login_routes(browser) if browser else []
    identity = make_user(browser) if logins else None
    if identity:
        sign_in(browser, logins[0], identity)
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        if method != "POST" or named(endpoint, "login", "logout", "reset", "signup"):
            continue
        has_file = any(isinstance(val, tuple) for val in (fields or {}).values())
        if not (has_file or identity):
            continue  # a public catalogue entry: whether anyone may write it is the "writes" rule
        made = browser.send("POST", url, form=fields or GENERIC_FORM, csrf=True)
        location = made.location.split("?")[0]
        if made.status not in {301, 302, 303} or not re.search(r"/\d+/?$", location):
            continue
        got = browser.another().get(location)
        v.check(
            re.sub(r"/\d+(/?)$", r"/<id>\1", location),
            got.status != 200,
            f"another visitor fetched {location}, made by {method} {url}, by its sequential id",
        )
    v.done()

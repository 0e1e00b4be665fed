"""CORS: a script on another origin never reads an answer it should not.

Every route of every example is asked, as a browser asks for a script, from
origins the app does not list: an attacker's site, ``null`` (a sandboxed
frame, a ``file:`` page) and look-alikes of each listed origin (its name
inside another domain, another scheme, a prefix on its host). None may get
its own origin back in ``Access-Control-Allow-Origin``: that header is what
lets the script read the answer. No answer, to anyone, may pair ``*`` with
``Access-Control-Allow-Credentials: true``, and credentials are allowed only
to an origin the app lists.

Each app is told to trust one front end, as a reader lists theirs
(``FRONT_END``: ``FLASK_CORS_ORIGINS`` for Flask, ``CORS_ALLOWED_ORIGINS``
for Django); what the app lists is read back from its configuration.
"""

from __future__ import annotations

from contextlib import nullcontext
from urllib.parse import urlsplit

import pytest

from tests.attacks.conftest import CELLS
from tests.examples.apps import FRONT_END

ATTACKER = "https://attacker.example"
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def listed(browser) -> list[str]:
    """The origins the app's configuration lists (Flask-CORS's CORS_ORIGINS, django-cors-headers')."""
    if browser.framework == "flask":
        value = browser.app.config.get("CORS_ORIGINS") or []
    else:
        from django.conf import settings

        value = getattr(settings, "CORS_ALLOWED_ORIGINS", [])
    return [value] if isinstance(value, str) else list(value)


def look_alikes(origin: str) -> list[str]:
    """Origins a careless comparison (prefix, suffix, scheme-blind) would take for ``origin``."""
    parts = urlsplit(origin)
    other = "http" if parts.scheme == "https" else "https"
    return [f"{origin}.attacker.example", f"{other}://{parts.netloc}", f"{parts.scheme}://attacker{parts.netloc}"]


def problems(headers: dict, origin: str, trusted: list[str]) -> list[str]:
    acl = {k.lower(): v.strip() for k, v in headers.items() if k.lower().startswith("access-control-allow-")}
    allowed = acl.get("access-control-allow-origin")
    credentials = acl.get("access-control-allow-credentials", "").lower() == "true"
    found = []
    if allowed is not None and origin not in trusted and origin in [a.strip() for a in allowed.split(",")]:
        found.append(f"reflects {origin}")
    if allowed == "*" and credentials:
        found.append("allows * with credentials")
    elif credentials and allowed is not None and allowed not in trusted:
        found.append(f"allows credentials for {allowed}, which the app does not list")
    return found


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_another_origin_is_never_allowed(topic, framework, attack, verdict):
    v = verdict("cors", topic, framework)
    browser = attack(topic, framework)
    if browser is not None:
        from django.test import override_settings

        # The front end the suite trusts, over the topic's own settings (read from the environment).
        with override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END]) if framework == "django" else nullcontext():
            check(browser, v)
    v.done()


def check(browser, v):
    trusted = [o for o in listed(browser) if o != "*"]
    foreign = [ATTACKER, "null", *(a for o in [FRONT_END, *trusted] for a in look_alikes(o))]
    foreign = [o for o in dict.fromkeys(foreign) if o not in trusted]
    for endpoint in browser.endpoints:
        url = endpoint.url()
        methods = sorted(endpoint.methods - {"HEAD"}) if endpoint.methods else ["GET", "POST"]
        # The preflight a script's JSON write or its own header would send first.
        write = next((m for m in methods if m in WRITES), "GET")
        preflight = {"Access-Control-Request-Method": write, "Access-Control-Request-Headers": "content-type"}
        asks = []
        for origin in [*foreign, FRONT_END]:
            asks += [("GET", origin, {})] if endpoint.allows("GET") else []
            asks.append(("OPTIONS", origin, preflight))
        # A form-like write a page on the attacker's site can send without asking first.
        if any(m in WRITES for m in methods):
            asks.append(("POST", ATTACKER, {}))
        found = []
        for method, origin, extra in asks:
            resp = browser.send(method, url, headers={"Origin": origin, **extra})
            found += [f"{method} from {origin}: {p}" for p in problems(resp.headers, origin, trusted)]
        v.check(endpoint, not found, "; ".join(found))

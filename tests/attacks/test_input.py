"""Malformed input gets a 4xx, never a 500; user input never comes back as unescaped HTML."""

import json
import re

import pytest

from tests.attacks.conftest import CELLS, GENERIC_FORM, MARKER, json_fields, seed, write_targets

BAD_IDS = {
    "int": [str(2**63), str(10**30)],
    "uuid": ["a.b", "not-a-uuid"],
    "string": ["a.b", "a\x00b", "x" * 5000],
    "str": ["a.b", "a\x00b", "x" * 5000],
    "slug": ["a.b", "a\x00b"],
    "path": ["a\x00b", "../../etc/passwd", "a.b"],
    "default": ["a.b", "a\x00b"],
}
JSON = "application/json"
# (what, body, content type) sent to every write; None: the route's keys, each 10**30
BAD_BODIES = [
    ("a huge number", None, JSON),
    ("deep JSON", "[" * 5_000 + "]" * 5_000, JSON),  # 10 kB: inside any body limit
    ("a text/plain body", "title=x", "text/plain"),
    ("broken JSON", '{"title": ', JSON),
]
# put in every field of a form but its files and CSRF token
BAD_VALUES = {
    "a NUL byte": "a\x00b",
    "10**30": str(10**30),
    "2**63": str(2**63),
    "a 20,000-character value": "x@" + "a" * 20_000,
}


def marked(name, value):
    """MARKER in a field a reader types words into; a file, a box's value, a number or date and the token
    kept (so the write is taken and the marker stored), an address stays one."""
    if type(value) is tuple or "csrf" in name or value == "on" or re.fullmatch(r"[\d.:-]+", str(value)):
        return value
    return "evil@example.com" if "@" in str(value) else MARKER


def shown_raw(resp) -> bool:
    """The marker came back where a browser would run it: any answer but JSON."""
    return MARKER in resp.text and "json" not in resp.content_type


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_malformed_input_gets_a_4xx_never_a_500(topic, framework, attack, verdict):
    v = verdict("malformed", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    for endpoint in browser.endpoints if browser else ():
        if endpoint.params and endpoint.allows("GET"):
            for kind, name in endpoint.params:
                for bad in BAD_IDS.get(kind, BAD_IDS["default"]):
                    url = endpoint.url(**{name: bad})
                    r = browser.get(url)
                    v.check(endpoint, r.status < 500, f"GET {url[:80]!r} answered {r.status}")
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        huge = json.dumps(dict.fromkeys(json_fields(browser, url), 10**30))
        attempts = [(what, {"raw": raw or huge, "content_type": kind}) for what, raw, kind in BAD_BODIES]
        kept = {k: val for k, val in (fields or {}).items() if type(val) is tuple or "csrf" in k}  # files, token
        attempts += [
            (f"{what} in every field", {"form": {**dict.fromkeys(fields, bad), **kept}})
            for what, bad in BAD_VALUES.items()
            if fields
        ]
        for what, kwargs in attempts:
            r = browser.send(method, url, csrf=True, **kwargs)
            v.check(endpoint, r.status < 500, f"{method} {url} with {what} answered {r.status}")
    v.done()


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_user_input_never_comes_back_as_html(topic, framework, attack, verdict):
    v = verdict("escaping", topic, framework)
    browser = attack(topic, framework)
    seed(browser, topic)
    if browser is None:
        v.done()
        return
    # reflected: in every path parameter and in the query string
    for endpoint in browser.endpoints:
        if not endpoint.allows("GET"):
            continue
        for kind, name in endpoint.params:
            if kind in {"string", "str", "path", "default"}:
                url = endpoint.url(**{name: MARKER})
                v.check(endpoint, not shown_raw(browser.get(url)), f"GET {url[:60]}... shows the path parameter raw")
        url = endpoint.url() + "?q=" + MARKER + "&next=" + MARKER + "&name=" + MARKER
        v.check(endpoint, not shown_raw(browser.get(url)), "shows a query-string value raw")
    # stored: every field of every write, then every page read back
    for endpoint, method, url, fields in write_targets(browser):
        if fields:
            r = browser.send(method, url, csrf=True, form={k: marked(k, val) for k, val in fields.items()})
        else:  # no form on any page: a JSON body, then a plain form post
            body = {k: MARKER if isinstance(val, str) else val for k, val in json_fields(browser, url).items()}
            r = browser.send(method, url, csrf=True, json_body=body)
            v.check(endpoint, not shown_raw(r), f"{method} {url} shows a submitted value raw")
            r = browser.send(method, url, csrf=True, form=dict.fromkeys(GENERIC_FORM, MARKER))
        v.check(endpoint, not shown_raw(r), f"{method} {url} shows a submitted value raw")
        if r.location.startswith("/"):  # the page the app sends the writer to
            v.check(endpoint, not shown_raw(browser.get(r.location)), f"GET {r.location} shows a stored value raw")
    for endpoint in [e for e in browser.endpoints if e.allows("GET")]:
        ints = [name for kind, name in endpoint.params if kind == "int"]
        for pk in ("1", "2", "3", "4", "5") if ints else ("1",):
            url = endpoint.url(**dict.fromkeys(ints, pk))
            v.check(endpoint, not shown_raw(browser.get(url)), f"GET {url} shows a stored value raw")
    v.done()

"""Malformed input gets a 4xx, never a 500; user input never comes back as unescaped HTML."""

import json

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
DEEP = "[" * 5_000 + "]" * 5_000  # 10 kB: inside any body limit


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
        attempts = [
            (
                "a huge number",
                {"raw": json.dumps({k: 10**30 for k in json_fields(browser, url)}), "content_type": "application/json"},
            ),
            ("deep JSON", {"raw": DEEP, "content_type": "application/json"}),
            ("a text/plain body", {"raw": "title=x", "content_type": "text/plain"}),
            ("broken JSON", {"raw": '{"title": ', "content_type": "application/json"}),
        ]
        if fields:
            attempts += [
                (
                    f"{what} in every field",
                    {
                        "form": {
                            k: (val if not isinstance(fields[k], tuple) else fields[k])
                            if "csrf" not in k
                            else fields[k]
                            for k in fields
                        }
                    },
                )
                for what, val in [
                    ("a NUL byte", "a\x00b"),
                    ("10**30", str(10**30)),
                    ("2**63", str(2**63)),
                    ("a 20,000-character value", "x@" + "a" * 20_000),
                ]
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
            data = {
                k: (
                    MARKER
                    if not isinstance(val, tuple) and "csrf" not in k and val not in {"on"} and "@" not in str(val)
                    else val
                )
                for k, val in fields.items()
            }
            data = {
                k: ("evil@example.com" if "@" in str(val) and not isinstance(val, tuple) else val)
                for k, val in data.items()
            }
            r = browser.send(method, url, csrf=True, form=data)
        else:  # no form on any page: a JSON body, then a plain form post
            r = browser.send(
                method,
                url,
                csrf=True,
                json_body={k: MARKER if isinstance(val, str) else val for k, val in json_fields(browser, url).items()},
            )
            v.check(endpoint, not shown_raw(r), f"{method} {url} shows a submitted value raw")
            r = browser.send(method, url, csrf=True, form=dict.fromkeys(GENERIC_FORM, MARKER))
        v.check(endpoint, not shown_raw(r), f"{method} {url} shows a submitted value raw")
        if r.location.startswith("/"):  # the page the app sends the writer to
            v.check(endpoint, not shown_raw(browser.get(r.location)), f"GET {r.location} shows a stored value raw")
    for endpoint in browser.endpoints:
        if endpoint.allows("GET"):
            for pk in ("1", "2", "3", "4", "5"):
                url = endpoint.url(**{name: pk for kind, name in endpoint.params if kind == "int"})
                r = browser.get(url)
                v.check(endpoint, not shown_raw(r), f"GET {url} shows a stored value raw")
                if not any(kind == "int" for kind, _ in endpoint.params):
                    break
    v.done()

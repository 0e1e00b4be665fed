"""Limits: list pages are bounded, request bodies have a size limit, no CDN asset loads without integrity."""

import re

import pytest

from tests.attacks.conftest import CELLS, seed, to_login, write_targets
from tests.attacks.discovery import EXAMPLES, ROOT

ROWS = 150  # more rows than any page of these examples should show at once
BIG = 12 * 1024 * 1024  # 12 MiB


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_list_pages_are_bounded(topic, framework, attack, verdict):
    v = verdict("lists", topic, framework)
    browser = attack(topic, framework)
    if browser is not None and seed(browser, topic, ROWS, marker="Listed"):
        for endpoint in browser.endpoints:
            if endpoint.allows("GET") and not endpoint.params:
                shown = len(set(re.findall(r"Listed \d{4}", browser.get(endpoint.url()).text)))
                if shown:
                    v.check(endpoint, shown < ROWS, f"GET {endpoint.url()} shows all {shown} of {ROWS} rows")
    v.done()


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_request_bodies_have_a_size_limit(topic, framework, attack, verdict):
    v = verdict("body_size", topic, framework)
    browser = attack(topic, framework)
    body = b'{"title": "' + b"x" * BIG + b'"}'
    for endpoint, method, url, fields in write_targets(browser) if browser else ():
        if fields is not None or method not in {"POST", "PUT", "PATCH"}:
            continue  # form posts: Flask's MAX_FORM_MEMORY_SIZE and Django's DATA_UPLOAD_MAX_MEMORY_SIZE
        probe = browser.send(method, url, csrf=True, raw='{"title": ', content_type="application/json")
        if not 400 <= probe.status < 500 or probe.status in {401, 403, 404, 405, 413, 415}:
            continue  # the route never reads a JSON body (or refuses the visitor first): nothing to parse
        r = browser.send(method, url, csrf=True, raw=body, content_type="application/json")
        if r.status in {404, 405} or to_login(r):
            continue
        v.check(endpoint, r.status in {400, 413, 415}, f"{method} {url} read a 12 MiB JSON body ({r.status})")
    v.done()


CDN = re.compile(r"<(script|link)\b[^>]*\b(?:src|href)=[\"']?(https?:)?//[^\"'>\s]+[^>]*>", re.I)


def from_cdn(text: str) -> list[str]:
    """The <script src> and stylesheet <link href> tags that load from another host."""
    return [t[0] for t in CDN.finditer(text) if t[1].lower() == "script" or "stylesheet" in t[0].lower()]


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_no_cdn_asset_without_integrity(topic, framework, attack, verdict):
    """Every page each app serves, and every template and source file of the example."""
    v = verdict("cdn", topic, framework)
    browser = attack(topic, framework)
    for path in [p for p in (EXAMPLES / topic).rglob("*") if p.suffix in {".html", ".py"} and p.is_file()]:
        if ("django_app" in path.parts) == (framework == "django"):
            for tag in from_cdn(path.read_text(encoding="utf-8", errors="replace")):
                v.check(str(path.relative_to(ROOT)), "integrity=" in tag, f"loads {tag[:90]} without integrity")
    for endpoint in [e for e in browser.endpoints if e.allows("GET")] if browser else ():
        r = browser.get(endpoint.url())
        for tag in from_cdn(r.text if "html" in r.content_type else ""):
            v.check(endpoint, "integrity=" in tag, f"serves {tag[:90]} without integrity")
    v.done()

"""REST API add-ons: flask-smorest and Django Ninja answer every request on the page exactly as
shown, refuse garbage with a 4xx (never a 500), and serve an OpenAPI document that describes
the endpoints, their bodies and their errors.

The requests and their documented answers are read from the example files, as
on the JSON API page, so the page and these tests cannot drift apart. Django is
driven through the project's URLs (/api_frameworks/...), the paths on the page
(the `site` fixture, tests/examples/apps.py).
"""

from __future__ import annotations

import json
import re
import shlex
from urllib.parse import urlsplit

import pytest

from macros.run_it import logical
from tests.examples.browsing import body
from tests.examples.conftest import section


def exchanges(script: str) -> list[tuple[list[str], str, str]]:
    """The curl commands of the page's `requests` section, each with the status line and the JSON
    printed under it. A command may go on with ` \\`; a body too long for the page goes on over
    more `# ` lines (joined as they are, so a line that goes on after a space starts with `#  `)."""
    found: list[tuple[list[str], list[str]]] = []
    for line in logical([line for line in section(script, "requests") if line.strip()]):
        if line.startswith("curl "):
            found.append((shlex.split(line), []))
        else:
            found[-1][1].append(line.removeprefix("# "))
    assert len(found) == 5, "the page shows create, fetch, missing, invalid and malformed requests"
    return [(command, shown[0], "".join(shown[1:])) for command, shown in found]


class Api:
    """The books API of one framework's app (the `site` fixture), at the paths the page gives."""

    def __init__(self, site):
        self.site, self.name, self.client = site, site.framework, site.client()

    def url(self, path=""):
        return self.site.url("api" + path)

    def get(self, path):
        return self.client.get(self.url(path))

    def post(self, path, raw: str | bytes):
        return self.client.post(self.url(path), data=raw, content_type="application/json")

    def books(self, query: str = "") -> list[dict]:
        """One page of the list: flask-smorest sends the list (totals in X-Pagination), Ninja {"items", "count"}."""
        response = self.get("/books/" + query)
        assert response.status_code == 200, body(response)[:300]
        sent = json.loads(body(response))
        return sent if self.name == "flask" else sent["items"]

    def status_line(self, response) -> str:
        if self.name == "flask":
            return f"HTTP/1.1 {response.status}"
        return f"HTTP/1.1 {response.status_code} {response.reason_phrase}"


@pytest.fixture
def api(site):
    # CSRF checks on, as for a browser: Django Ninja checks them only for cookie-based auth,
    # so a script's POST needs no token (every POST below sends none).
    return Api(site)


# Every request on the page answers as shown -------------------------------------------


def test_every_request_on_the_page_is_answered_exactly_as_shown(api):
    for command, status_line, json_text in exchanges(f"api_frameworks/{api.name}_commands.sh"):
        path = urlsplit(command[-1]).path.removeprefix(api.url())
        sent = command[command.index("--json") + 1] if "--json" in command else None
        response = api.get(path) if sent is None else api.post(path, sent)
        assert api.status_line(response) == status_line, command
        assert response.headers["Content-Type"].split(";")[0] == "application/json"
        assert body(response).rstrip("\n") == json_text, command
        assert json.loads(body(response)) == json.loads(json_text)


def test_the_id_is_never_read_from_the_body(api):
    created = json.loads(body(api.post("/books/", json.dumps({"title": "Dune", "year": 1965}))))
    response = api.post("/books/", json.dumps({"id": created["id"], "title": "Kindred", "year": 1979}))
    if api.name == "flask":
        assert response.status_code == 422  # marshmallow refuses fields it does not load
    else:
        assert response.status_code == 201  # pydantic ignores fields it does not declare
        assert json.loads(body(response))["id"] != created["id"]


# Garbage gets a 4xx, never a 500 --------------------------------------------------------

GARBAGE = {
    "a list": b"[1, 2]",
    "a string": b'"Dune"',
    "null": b"null",
    "an empty body": b"",
    "bytes that are not UTF-8": b'\xff\xfe{"title"',
    "nested deeper than Python parses": b"[" * 100_000 + b"]" * 100_000,
    "a year as a string": b'{"title": "Dune", "year": "1965"}',
    "a year as true": b'{"title": "Dune", "year": true}',
    "a fractional year": b'{"title": "Dune", "year": 1965.5}',
    "an infinite year": b'{"title": "Dune", "year": 1e400}',
    "a huge year": b'{"title": "Dune", "year": ' + b"9" * 40 + b"}",
    "a negative year": b'{"title": "Dune", "year": -1}',
    "a title of 5,000 characters": json.dumps({"title": "x" * 5000, "year": 1965}).encode(),
    "a title with a NUL": b'{"title": "Du\\u0000ne", "year": 1965}',
    "a title that is a number": b'{"title": 42, "year": 1965}',
    "no title": b'{"year": 1965}',
}


@pytest.mark.parametrize("raw", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_gets_a_4xx_never_a_500(api, raw):
    response = api.post("/books/", raw)
    assert 400 <= response.status_code < 500, body(response)[:300]
    assert response.headers["Content-Type"].split(";")[0] == "application/json"
    assert api.books() == [], "nothing was stored"


def test_json_nested_too_deeply_is_a_400_that_says_so(api):
    response = api.post("/books/", b"[" * 100_000 + b"]" * 100_000)
    assert response.status_code == 400
    expected = {"flask": "The JSON body is nested too deeply.", "django": "Cannot parse request body"}
    assert expected[api.name] in body(response)


@pytest.mark.parametrize("path", ["/books/99", "/books/99999999999999999999999"])
def test_a_missing_book_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response.headers["Content-Type"].split(";")[0] == "application/json"


@pytest.mark.parametrize("path", ["/books/abc", "/books/-1", "/books/1.5"])
def test_an_id_that_is_not_a_number_is_a_4xx(api, path):
    assert 400 <= api.get(path).status_code < 500


def test_an_unsupported_method_is_405(api):
    assert api.client.delete(api.url("/books/")).status_code == 405


# The OpenAPI document describes the endpoints -----------------------------------------------


def openapi(api) -> dict:
    response = api.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    return json.loads(body(response))


def deref(spec: dict, node: dict) -> dict:
    """Follow a `$ref` inside the document to what it names."""
    while "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def test_the_openapi_document_lists_the_endpoints_and_their_methods(api):
    spec = openapi(api)
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Books" and spec["info"]["version"] == "1.0.0"
    item = api.url("/books/{book_id}")
    collection = item.removesuffix("{book_id}")
    assert set(spec["paths"]) == {collection, item}
    assert set(spec["paths"][collection]) >= {"get", "post"}
    assert "get" in spec["paths"][item]
    # The views' docstrings: flask-smorest makes them the summary, Django Ninja the description.
    operations = [op for path in spec["paths"].values() for op in path.values() if isinstance(op, dict)]
    texts = {op.get("summary") for op in operations} | {op.get("description") for op in operations}
    assert {"List the books, a page at a time", "Add a book", "Fetch one book"} <= texts


def test_the_openapi_document_describes_the_body_and_the_responses(api):
    spec = openapi(api)
    collection = api.url("/books/")
    post = spec["paths"][collection]["post"]
    sent = deref(spec, post["requestBody"]["content"]["application/json"]["schema"])
    assert set(sent["required"]) == {"title", "year"}
    assert sent["properties"]["title"]["minLength"] == 1 and sent["properties"]["title"]["maxLength"] == 200
    assert sent["properties"]["year"]["type"] == "integer"
    assert (sent["properties"]["year"]["minimum"], sent["properties"]["year"]["maximum"]) == (0, 2100)
    assert "201" in post["responses"]
    returned = deref(spec, post["responses"]["201"]["content"]["application/json"]["schema"])
    assert set(returned["properties"]) == {"id", "title", "year"}
    if api.name == "flask":
        assert "422" in post["responses"], "flask-smorest documents the validation error"


def test_the_docs_page_loads_swagger_ui_on_the_openapi_document(api):
    response = api.get("/docs")
    assert response.status_code == 200
    html = body(response)
    assert "swagger-ui" in html
    assert "openapi.json" in html
    if api.name == "flask":
        # From the CDN, at the pinned version (each with its hash: the attack suite's cdn rule).
        for name in ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"):
            tag = re.search(rf'<(?:script|link)[^>]*swagger-ui-dist@5\.36\.0/{re.escape(name)}"[^>]*>', html)
            assert tag and 'crossorigin="anonymous"' in tag.group(), name
        assert len(re.findall(r"https://", html)) == 3, "nothing else from another host"
    else:
        # "ninja" in INSTALLED_APPS: the copy inside the package, from this site's static files.
        assert "cdn.jsdelivr.net" not in html and "https://" not in html
        assert "/static/ninja/swagger-ui-bundle.js" in html


# Set-up on the page ------------------------------------------------------------------


def requirements_closure(name: str) -> set[str]:
    """The distributions installing `name` brings, itself included, read from the installed metadata."""
    from importlib import metadata

    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def test_each_add_on_brings_the_packages_the_page_counts():
    assert requirements_closure("flask-smorest") - requirements_closure("flask") == {
        "flask-smorest",
        "marshmallow",
        "webargs",
        "apispec",
        "packaging",
    }
    assert requirements_closure("django-ninja") - requirements_closure("django") == {
        "django-ninja",
        "pydantic",
        "pydantic-core",
        "annotated-types",
        "typing-extensions",
        "typing-inspection",
    }


# Limits ------------------------------------------------------------------------------


def test_the_list_is_paged_in_order_and_a_client_cannot_ask_for_everything(api):
    for n in range(12):
        assert api.post("/books/", json.dumps({"title": f"Book {n}", "year": 1900 + n})).status_code == 201
    first = api.books()
    assert [(b["title"], b["year"]) for b in first] == [(f"Book {n}", 1900 + n) for n in range(10)]
    assert all(isinstance(b["id"], int) for b in first)
    assert [b["title"] for b in api.books("?page=2")] == ["Book 10", "Book 11"]
    huge = api.get("/books/?page_size=1000000")  # flask-smorest refuses it (422), Ninja caps it at 100
    assert huge.status_code == 422 if api.name == "flask" else len(json.loads(body(huge))["items"]) == 12
    for query in ("?page=0", "?page=abc", "?page_size=0", f"?page={10**30}", f"?page={2**62}"):
        response = api.get("/books/" + query)
        assert response.status_code < 500, (query, body(response)[:300])


def test_flask_refuses_a_body_over_one_mebibyte_before_parsing_it(api):
    if api.name == "django":  # DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) already caps request.body
        response = api.post("/books/", json.dumps({"title": "x" * 3_000_000, "year": 1965}))
        assert response.status_code == 400
        return
    response = api.post("/books/", json.dumps({"title": "x" * 1_100_000, "year": 1965}))
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/json"

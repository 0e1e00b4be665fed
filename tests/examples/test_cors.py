"""A front end on another origin (CORS): the listed front end may read and post, no other origin may.

Both apps are driven through their test clients with the origins the page's
Run it exports, and once in a real browser: what a browser reads is the
headers, so those are what these tests look at. That no other origin is let in,
on every route of every example, is the attack suite's cors rule
(tests/attacks/test_cors.py); that the page's own requests, sent to the servers
its Run it starts, get the answers it shows is its Run-it walk
(tests/examples/test_run_it.py).
"""

from __future__ import annotations

import importlib.util
import json
import shlex
import sys
import urllib.request

import pytest

import cors.flask_app
from tests.conftest import free_port
from tests.examples.conftest import EXAMPLES, section
from tests.examples.serving import as_typed, reader_env, serving

FRONT = "http://localhost:5173"  # the origin the page's Run it exports
FOREIGN = ["https://attacker.example", "null", "http://localhost:5174", f"{FRONT}.attacker.example"]
DJANGO = "/cors/api/books/"  # where examples/project/urls.py mounts it: `mount:` in examples/cors/topic.yml
FLASK = "/api/books"


def exports(script: str) -> dict[str, str]:
    """The variables the page's run section exports."""
    found = {}
    for line in section(script, "run"):
        if line.startswith("export "):
            name, _, value = line.removeprefix("export ").partition("=")
            found[name] = value
    return found


def acl(headers) -> dict[str, str]:
    """The Access-Control-* headers of an answer, by lower-case name."""
    return {k.lower(): v for k, v in headers.items() if k.lower().startswith("access-control-")}


# Both apps, configured as the page's Run it configures them ----------------


@pytest.fixture
def books():
    """The in-memory lists, put back after a test adds to them."""
    from cors.django_app import views

    saved = [(m.BOOKS, list(m.BOOKS)) for m in (cors.flask_app, views)]
    yield
    for live, before in saved:
        live[:] = before


def flask_app(monkeypatch, origins: str | None):
    if origins is None:
        monkeypatch.delenv("FLASK_CORS_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("FLASK_CORS_ORIGINS", origins)
    return cors.flask_app.create_app({"TESTING": True})


def django_settings(monkeypatch, settings, origins: str | None):
    """The topic's settings module, read with the environment of the page's Run it."""
    if origins is None:
        monkeypatch.delenv("DJANGO_CORS_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("DJANGO_CORS_ORIGINS", origins)
    # A fresh copy: the imported module, which the attack suite applies, keeps its own values.
    spec = importlib.util.spec_from_file_location("cors_settings_copy", EXAMPLES / "cors/django_app/settings.py")
    topic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(topic)
    for name in dir(topic):
        if name.startswith("CORS_") or name == "MIDDLEWARE":
            setattr(settings, name, getattr(topic, name))
    return topic


class Client:
    """One interface over both test clients: (status, Access-Control-* headers, body)."""

    def __init__(self, framework, monkeypatch, settings, origins):
        self.framework = framework
        if framework == "flask":
            self.client, self.url = flask_app(monkeypatch, origins).test_client(), FLASK
        else:
            from django.test import Client as DjangoClient

            django_settings(monkeypatch, settings, origins)
            self.client, self.url = DjangoClient(), DJANGO

    def send(self, method, headers, json_body=None, url=None, raw=None):
        url = url or self.url
        body = raw if raw is not None else json.dumps(json_body) if json_body is not None else ""
        if self.framework == "flask":
            kwargs = {"data": raw, "content_type": "application/json"} if raw is not None else {"json": json_body}
            r = self.client.open(url, method=method, headers=headers, **kwargs)
            return r.status_code, acl(r.headers), r.get_json(silent=True)
        r = self.client.generic(method, url, body, content_type="application/json", headers=headers)
        data = json.loads(r.content) if r.get("Content-Type") == "application/json" else None
        return r.status_code, acl(r.headers), data


@pytest.fixture(params=["flask", "django"])
def app(request, monkeypatch, settings, books):
    script = f"cors/{request.param}_commands.sh"
    origins = exports(script)[f"{request.param.upper()}_CORS_ORIGINS"]
    assert origins == FRONT, f"{script}: the page's front end is {FRONT}"
    return Client(request.param, monkeypatch, settings, origins)


def test_the_listed_front_end_reads_the_list_with_its_cookies(app):
    status, headers, data = app.send("GET", {"Origin": FRONT})
    assert status == 200 and [b["title"] for b in data["books"]] == ["Dune", "Kindred"]
    assert headers["access-control-allow-origin"] == FRONT
    assert headers["access-control-allow-credentials"] == "true"


def test_the_preflight_allows_the_json_post_and_nothing_more(app):
    ask = {"Origin": FRONT, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    status, headers, _ = app.send("OPTIONS", ask)
    assert status == 200
    assert headers["access-control-allow-origin"] == FRONT
    assert headers["access-control-allow-credentials"] == "true"
    assert {m.strip() for m in headers["access-control-allow-methods"].split(",")} == {"GET", "POST"}
    assert headers["access-control-allow-headers"].lower() == "content-type"
    assert headers["access-control-max-age"] == "600"
    # A method or a header the front end does not send is not allowed.
    _, headers, _ = app.send("OPTIONS", {**ask, "Access-Control-Request-Method": "DELETE"})
    assert "DELETE" not in headers.get("access-control-allow-methods", "")
    _, headers, _ = app.send("OPTIONS", {**ask, "Access-Control-Request-Headers": "x-secret"})
    assert "x-secret" not in headers.get("access-control-allow-headers", "").lower()


def test_the_listed_front_end_adds_a_book(app):
    status, headers, data = app.send("POST", {"Origin": FRONT}, {"title": " Piranesi "})
    assert (status, data) == (201, {"id": 3, "title": "Piranesi"})
    assert headers["access-control-allow-origin"] == FRONT
    _, _, data = app.send("GET", {"Origin": FRONT})
    assert [b["title"] for b in data["books"]] == ["Dune", "Kindred", "Piranesi"]


@pytest.mark.parametrize("body", [{"title": ""}, {"title": "x" * 201}, {"name": "Dune"}, ["Dune"]])
def test_a_bad_book_is_refused_with_the_cors_headers_still_on(app, body):
    status, headers, data = app.send("POST", {"Origin": FRONT}, body)
    assert status == 400 and "title" in data["error"]
    # The front end can read why.
    assert headers["access-control-allow-origin"] == FRONT


@pytest.mark.parametrize("raw", ["not json", "[" * 100_000 + "]" * 100_000], ids=["not JSON", "nested too deep"])
def test_a_body_that_is_no_json_object_is_a_400(app, raw):
    status, headers, data = app.send("POST", {"Origin": FRONT}, raw=raw)
    assert status == 400 and "title" in data["error"]
    assert headers["access-control-allow-origin"] == FRONT


def test_the_list_stops_growing(app):
    seen = []
    for n in range(cors.flask_app.MAX_BOOKS + 1):
        seen.append(app.send("POST", {"Origin": FRONT}, {"title": f"Book {n}"})[0])
    assert seen[-1] == 409 and seen.count(201) == cors.flask_app.MAX_BOOKS - 2


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_with_no_origins_configured_no_origin_is_allowed(framework, monkeypatch, settings):
    app = Client(framework, monkeypatch, settings, None)
    for origin in [FRONT, *FOREIGN]:
        status, headers, _ = app.send("GET", {"Origin": origin})
        assert status == 200 and headers == {}, f"{framework} with no origins configured allowed {origin}"


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_several_origins_separated_by_spaces(framework, monkeypatch, settings):
    app = Client(framework, monkeypatch, settings, f"{FRONT} https://app.example.com")
    for origin in (FRONT, "https://app.example.com"):
        assert app.send("GET", {"Origin": origin})[1]["access-control-allow-origin"] == origin
    assert app.send("GET", {"Origin": "https://example.com"})[1] == {}


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_only_the_api_urls_answer_other_origins(framework, monkeypatch, settings):
    app = Client(framework, monkeypatch, settings, FRONT)
    # Flask: a URL outside /api/; Django: another topic's API in the same project.
    other = "/books" if framework == "flask" else "/api/books/"
    status, headers, _ = app.send("GET", {"Origin": FRONT}, url=other)
    assert headers == {}, f"{framework} {other} answered {status} with {headers}"


def test_django_checks_the_settings_the_page_shows(monkeypatch, settings):
    from django.core.checks import run_checks

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "corsheaders"]
    django_settings(monkeypatch, settings, FRONT)
    assert [str(m) for m in run_checks() if m.id.startswith("corsheaders")] == []
    # An origin with a path is a mistake the page warns about: the check names it.
    settings.CORS_ALLOWED_ORIGINS = [f"{FRONT}/"]
    assert [m.id for m in run_checks() if m.id.startswith("corsheaders")] == ["corsheaders.E014"]


# A real browser, the front end on one origin and the API on another ---------


@pytest.mark.browser
@pytest.mark.parametrize("framework", ["flask", "django"])
def test_a_browser_lets_the_listed_front_end_in_and_keeps_another_out(framework, tmp_path):
    """Chromium runs cors/frontend/ from a listed origin (the list shows, a book is added) and
    from one the API does not list (fetch() fails, and the refused preflight keeps the POST unsent)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.browser.conftest import LAUNCH_ARGS, chromium_path

    script = f"cors/{framework}_commands.sh"
    *_, server = [line for line in section(script, "run") if not line.startswith(("#", "export "))]
    api_port, listed_port, other_port = free_port(), free_port(), free_port()
    env = reader_env(**exports(script), DJANGO_DB=str(tmp_path / "db.sqlite3"))
    env[f"{framework.upper()}_CORS_ORIGINS"] = f"http://127.0.0.1:{listed_port}"
    api = f"http://127.0.0.1:{api_port}" + (FLASK if framework == "flask" else DJANGO)
    frontend = EXAMPLES / "cors" / "frontend"

    def static(port):
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
        return serving(command, f"http://127.0.0.1:{port}/", env, cwd=frontend)

    with (
        serving(as_typed(shlex.split(server), api_port), api, env),
        static(listed_port),
        static(other_port),
        sync_api.sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=chromium_path(p), args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            status, books = page.locator("#status"), page.locator("#books li")
            page.goto(f"http://127.0.0.1:{listed_port}/?api={api}")
            sync_api.expect(status).to_have_text("2 books")
            page.fill("input[name=title]", "Piranesi")
            page.click("button")
            sync_api.expect(status).to_have_text("3 books")
            assert books.all_text_contents() == ["Dune", "Kindred", "Piranesi"]

            page.goto(f"http://127.0.0.1:{other_port}/?api={api}")
            sync_api.expect(status).to_contain_text("Refused")
            assert books.count() == 0
            page.fill("input[name=title]", "Forged")
            page.click("button")
            sync_api.expect(status).to_contain_text("Refused")
        finally:
            browser.close()
        with urllib.request.urlopen(api, timeout=10) as response:
            titles = [b["title"] for b in json.loads(response.read())["books"]]
    assert titles == ["Dune", "Kindred", "Piranesi"], "the preflight was refused, so the POST never left"

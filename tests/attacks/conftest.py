"""The attack suite: each rule, tried on every endpoint of every example, both frameworks.

Apps are found by folder (tests/attacks/discovery.py) and built once per test
module; Django runs through its test client on the project's URLs, with each
topic's own settings module applied on top. A rule that does not fit an
endpoint is skipped only by a declaration in examples/<topic>/topic.yml
(tests/attacks/manifest.py) that its page really makes.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import io
import json
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.attacks.discovery import Endpoint, django_endpoints, flask_endpoints, topics
from tests.attacks.manifest import declared
from tests.examples.apps import build_flask, flask_factory, topic_settings

TOPICS = topics()
CELLS = [pytest.param(t, fw, id=f"{t}-{fw}") for t in TOPICS for fw in ("flask", "django")]
MARKER = '<img src=x onerror="alert(1)">'
MAILBOX: list[str] = []  # every message the SMTP sink accepted


# --- verdicts ------------------------------------------------------------


@dataclass
class Verdict:
    rule: str
    topic: str
    framework: str
    node: object
    held: list = field(default_factory=list)
    declared: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    untested: list = field(default_factory=list)  # routes the rule could not try, each with why

    def check(self, route, ok: bool, detail: str = ""):
        if ok:
            self.held.append(str(route))
        elif (d := declared(self.topic, self.rule, self.framework, str(route))) is not None:
            self.declared.append(f"{route} ({d.where})")
        else:
            self.failed.append(f"{route}: {detail}")

    def done(self):
        # a declared exception shows even beside routes that hold, so reviewers see every one
        status = "FAILED" if self.failed else "declared" if self.declared else "held" if self.held else "n.a."
        self.node.user_properties.append(("attack", (self.rule, self.topic, self.framework, status)))
        for line in dict.fromkeys(self.untested):  # printed under the matrix, so no route passes unseen
            self.node.user_properties.append(("attack-untested", (self.rule, self.topic, self.framework, line)))
        if self.failed:
            lines = "\n".join(f"  {self.framework} {line}" for line in dict.fromkeys(self.failed))
            pytest.fail(
                f"rule {self.rule!r} broken in topic {self.topic!r} ({self.framework}):\n{lines}\n"
                f"Fix it, or declare it in examples/{self.topic}/topic.yml under attacks.{self.rule} "
                "with the page phrase that says why.",
                pytrace=False,
            )


@pytest.fixture
def verdict(request):
    def make(rule, topic, framework):
        return Verdict(rule, topic, framework, request.node)

    return make


# --- one client over both frameworks -------------------------------------


@dataclass
class Resp:
    status: int
    content_type: str
    body: bytes
    location: str = ""
    headers: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """Requests to one topic's app, as a browser or a script would send them."""

    def __init__(self, framework, client, app=None, endpoints=()):
        self.framework, self.client, self.app, self.endpoints = framework, client, app, list(endpoints)

    def send(self, method, url, *, form=None, json_body=None, raw=None, content_type=None, headers=None, csrf=False):
        """One request: a form (a file as (name, bytes)), a JSON body, or raw bytes of ``content_type``."""
        if json_body is not None:
            raw, content_type = json.dumps(json_body), "application/json"
        content_type, headers = content_type or "application/octet-stream", dict(headers or {})
        with self.csrf_off() if csrf else contextlib.nullcontext():
            if self.framework == "flask":
                body = {"data": raw, "content_type": content_type} if raw is not None else {}
                if form is not None:
                    body = {"data": {k: (io.BytesIO(v[1]), v[0]) if type(v) is tuple else v for k, v in form.items()}}
                r = self.client.open(url, method=method, headers=headers, **body)
                where = r.headers.get("Location", "")
                return Resp(r.status_code, r.content_type or "", r.get_data(), where, dict(r.headers))
            from django.core.files.uploadedfile import SimpleUploadedFile
            from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

            client = self.trusted if csrf else self.client
            if form is not None:
                data = {k: SimpleUploadedFile(*v) if isinstance(v, tuple) else v for k, v in form.items()}
                if method == "POST":
                    r = client.post(url, data, headers=headers)
                else:
                    data = encode_multipart(BOUNDARY, data)
                    r = client.generic(method, url, data, MULTIPART_CONTENT, headers=headers)
            elif raw is not None:
                r = client.generic(method, url, raw, content_type, headers=headers)
            else:
                r = client.generic(method, url, headers=headers)
            body = b"".join(r.streaming_content) if getattr(r, "streaming", False) else r.content
            return Resp(r.status_code, r.get("Content-Type", ""), body, r.get("Location", ""), dict(r.items()))

    @contextlib.contextmanager
    def csrf_off(self):
        """A request that carries a valid token, as the app's own page would send it."""
        if self.framework == "flask":
            old = self.app.config.get("WTF_CSRF_ENABLED", True)
            self.app.config["WTF_CSRF_ENABLED"] = False
            try:
                yield
            finally:
                self.app.config["WTF_CSRF_ENABLED"] = old
        else:
            from django.test import Client

            self.trusted = Client(raise_request_exception=False)
            self.trusted.cookies = self.client.cookies
            yield
            self.client.cookies = self.trusted.cookies

    def get(self, url, **kw) -> Resp:
        return self.send("GET", url, **kw)

    def another(self, cookies=None, basic=False) -> Browser:
        """Another browser on the same app, with only ``cookies`` and, if ``basic``, the HTTP Basic
        credentials this one sends (a browser keeps those apart from any session)."""
        if self.framework == "flask":
            client = self.app.test_client()
            for k, val in (cookies or {}).items():
                client.set_cookie(k, val)
            if basic and "HTTP_AUTHORIZATION" in self.client.environ_base:
                client.environ_base["HTTP_AUTHORIZATION"] = self.client.environ_base["HTTP_AUTHORIZATION"]
            return Browser("flask", client, self.app, self.endpoints)
        from django.test import Client

        client = Client(raise_request_exception=False, enforce_csrf_checks=True)
        for k, val in (cookies or {}).items():
            client.cookies[k] = val
        return Browser("django", client, None, self.endpoints)


# --- forms on the pages ---------------------------------------------------


class Forms(HTMLParser):
    """Every <form> of a page (action, method and its fields with a value a reader would type) and link."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._select = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            method = (a.get("method") or "get").upper()
            self.forms.append({"action": a.get("action") or "", "method": method, "fields": {}, "types": {}})
        elif not self.forms:
            return
        elif tag in {"input", "textarea"} and a.get("name"):
            kind = (a.get("type") or "text").lower() if tag == "input" else "textarea"
            if kind in {"submit", "button", "reset", "image"}:
                return
            self.forms[-1]["types"][a["name"]] = kind
            self.forms[-1]["fields"][a["name"]] = (
                a.get("value")
                if kind in {"hidden", "checkbox", "radio"} and a.get("value")
                else SAMPLE_VALUES.get(kind, "Plain words")
            )
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1]["types"][a["name"]] = "select"
            self.forms[-1]["fields"][a["name"]] = ""
        elif tag == "option" and self._select and not self.forms[-1]["fields"][self._select]:
            self.forms[-1]["fields"][self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


# a valid 1x1 PNG: what an upload form that checks the file's type accepts
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==")
SAMPLE_VALUES = {
    "email": "reader@example.com",
    "number": "3",
    "password": "Correct-Horse-Battery-9",
    "url": "https://example.com/",
    "date": "2024-01-02",
    "file": ("note.png", PNG),
    "checkbox": "on",
    "textarea": "Plain words",
    "text": "Plain words",
    "search": "words",
    "tel": "0123456789",
}


def forms_of(resp: Resp) -> list[dict]:
    if "html" not in resp.content_type:
        return []
    return [f for f in Forms(resp.text).forms if f["method"] == "POST"]


# --- the topic under attack ----------------------------------------------


@pytest.fixture(scope="session")
def django_routes():
    return django_endpoints()


@pytest.fixture(scope="module")
def flask_apps(tmp_path_factory, services):
    """Builds each topic's Flask app once per test module."""
    built = {}

    def get(topic):
        if topic not in built:
            built[topic] = build_flask(topic, tmp_path_factory.mktemp(f"flask-{topic}"), services)
        return built[topic]

    return get


@pytest.fixture(scope="session")
def services():
    """A real Redis and an SMTP sink, as the Run-it steps start them."""
    from aiosmtpd.controller import Controller

    from tests.conftest import free_port
    from tests.examples.services import redis_server

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            MAILBOX.append(envelope.content.decode("utf-8", "replace"))
            return "250 OK"

    port = free_port()
    smtp = Controller(Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        with redis_server() as url:
            yield {"REDIS_URL": url, "SMTP_PORT": str(port)}
    finally:
        smtp.stop()


@contextlib.contextmanager
def module_state_kept(topic: str):
    """Puts back, in place, the module-level data (BOOKS = {...}) of the topic's examples after the attack.

    Attacks add rows to these; the tests of the examples run in the same process
    (pytest-xdist, --dist loadfile) and expect the data the page shows.
    """
    import copy
    import sys

    saved = []
    for name, module in list(sys.modules.items()):
        if name == topic or name.startswith(f"{topic}."):
            for attr, value in vars(module).items():
                if attr.isupper() and isinstance(value, (dict, list, set)):
                    saved.append((value, copy.deepcopy(value)))
    try:
        yield
    finally:
        for value, before in saved:
            if isinstance(value, list):
                value[:] = before
            else:
                value.clear()
                value.update(before)


@pytest.fixture
def attack(request, flask_apps, django_routes, tmp_path, services, monkeypatch, db):
    """attack(topic, framework) -> Browser over that topic's app, or None when the topic has no such side."""
    stack = contextlib.ExitStack()

    def make(topic, framework):
        flask_factory(topic)  # imported first, so its module-level data is saved too
        stack.enter_context(module_state_kept(topic))
        if framework == "flask":
            app = flask_apps(topic)
            if app is None:
                return None
            app.config["TESTING"] = False
            # each test starts with an empty cache, so a page cached by an earlier test hides nothing
            with app.app_context():
                for cache in (app.extensions.get("cache") or {}).values():
                    cache.clear()
            return Browser("flask", app.test_client(), app, flask_endpoints(topic, app))
        if topic not in django_routes:
            return None
        from django.conf import settings
        from django.test import Client

        monkeypatch.setenv("REDIS_URL", services["REDIS_URL"])
        stack.enter_context(topic_settings(topic, tmp_path))
        from django.core.cache import caches

        for cache in caches.all():
            cache.clear()
        if settings.MEDIA_ROOT:
            Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        return Browser(
            "django", Client(raise_request_exception=False, enforce_csrf_checks=True), None, django_routes[topic]
        )

    yield make
    stack.close()


def snapshot(browser: Browser, topic: str):
    """Everything a write could change: the topic's tables, its users, its stored files."""
    if browser.framework == "flask":
        app, ext = browser.app, browser.app.extensions.get("sqlalchemy")
        with app.app_context():
            tables = ext.metadata.sorted_tables if ext else []
            rows = [sorted(map(repr, ext.session.execute(table.select()).all())) for table in tables]
        folder = app.config.get("UPLOAD_FOLDER")
    else:
        from django.apps import apps
        from django.conf import settings

        configs = [c for c in apps.get_app_configs() if c.name.startswith((f"{topic}.", "django.contrib.auth"))]
        rows = [sorted(map(repr, model.objects.values_list())) for c in configs for model in c.get_models()]
        folder = settings.MEDIA_ROOT
    return rows, sorted(map(str, Path(folder).rglob("*"))) if folder and Path(folder).exists() else []


def local(endpoint: Endpoint) -> str:
    """The route inside its topic: Django's mount prefix (/<topic>/) taken off, so words in it are the app's."""
    first = endpoint.route.strip("/").split("/", 1)
    if endpoint.framework == "django" and first[0] and first[0] != "admin":
        return "/" + (first[1] if len(first) > 1 else "")
    return endpoint.route


def named(endpoint: Endpoint, *words: str) -> bool:
    return any(word in local(endpoint) for word in words)


GENERIC_FORM = {"title": "Plain words", "name": "Plain words", "text": "Plain words"}


def to_login(resp: Resp) -> bool:
    return resp.status in {301, 302, 303, 307} and "login" in resp.location.lower()


# --- what a write looks like on each route --------------------------------


def matches(endpoint: Endpoint, path: str) -> bool:
    import re

    from tests.attacks.discovery import PARAM

    parts = PARAM.split(endpoint.route)  # text, kind, name, text, kind, name, ..., text
    pattern = "[^/?#]+".join(re.escape(text) for text in parts[::3])
    return re.fullmatch(pattern, path) is not None


def posted_forms(browser: Browser) -> dict[str, dict]:
    """{path a form posts to: its fields} over every page the topic serves."""
    from urllib.parse import urljoin, urlsplit

    forms: dict[str, dict] = {}
    for endpoint in browser.endpoints:
        if endpoint.allows("GET"):
            url = endpoint.url()
            for form in forms_of(browser.get(url)):
                forms.setdefault(urlsplit(urljoin(url, form["action"])).path, form["fields"])
    return forms


def write_targets(browser: Browser) -> list[tuple[Endpoint, str, str, dict | None]]:
    """(endpoint, method, url, form fields or None for JSON) for every route that takes a write."""
    forms = posted_forms(browser)
    targets = []
    for endpoint in browser.endpoints:
        methods = sorted(endpoint.methods & {"POST", "PUT", "PATCH", "DELETE"}) if endpoint.methods else ["POST"]
        for method in methods:
            url = endpoint.url()
            fields = forms.get(url)
            if fields is None:
                fields = next((f for path, f in forms.items() if matches(endpoint, path)), None)
            targets.append((endpoint, method, url, fields))
    return targets


def json_fields(browser: Browser, url: str) -> dict:
    """Keys a JSON endpoint takes: those of the items it lists, else the usual ones."""
    try:
        data = json.loads(browser.get(url).body)
    except ValueError:
        data = None
    if isinstance(data, dict):  # {"books": [...]} or {"items": [...], "count": 2}: the list inside
        data = next((val for val in data.values() if isinstance(val, list) and val), data)
    if isinstance(data, list):
        data = data[0] if data else None
    keys = {k: v for k, v in data.items() if k != "id"} if isinstance(data, dict) else {}
    keys = keys or {"title": "", "year": 1999, "name": "", "text": ""}
    return {k: (3 if isinstance(v, int) and not isinstance(v, bool) else "Plain words") for k, v in keys.items()}


# --- rows in every table ---------------------------------------------------


def _value(typed, i: int, marker: str):
    """A value for row i of a column (SQLAlchemy's type) or a field (Django's), by its class name."""
    kind, length = type(typed).__name__.lower(), getattr(typed, "length", None) or getattr(typed, "max_length", None)
    if "bool" in kind:
        return False
    if "int" in kind or "autofield" in kind:
        return i + 1
    if "float" in kind or "numeric" in kind or "decimal" in kind:
        return 1
    if "datetime" in kind:
        return datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    if "date" in kind:
        return datetime.date(2024, 1, 2)
    if "uuid" in kind:
        return uuid.uuid4()
    if "email" in kind:
        return f"row{i}@example.com"
    if "json" in kind:
        return {}
    text = f"{marker} {i:04d}"
    return text[:length] if length else text


def seed(browser: Browser, topic: str, n: int = 1, marker: str = "Row") -> int:
    """n rows in each of the topic's tables (ids from 1), values any form would accept; returns how many tables."""
    seeded = 0
    if browser is not None and browser.framework == "flask" and (ext := browser.app.extensions.get("sqlalchemy")):
        with browser.app.app_context():
            for table in ext.metadata.sorted_tables:
                auto = {c.name for c in table.primary_key if c.autoincrement in (True, "auto")}
                auto = {name for name in auto if "INT" in str(table.c[name].type).upper()}
                rows = [
                    {
                        c.name: 1 if c.foreign_keys else _value(c.type, i, marker)
                        for c in table.columns
                        if c.foreign_keys or c.name not in auto
                    }
                    for i in range(n)
                ]
                try:
                    ext.session.execute(table.insert(), rows)
                    ext.session.commit()
                    seeded += 1
                except Exception:  # noqa: BLE001  (a table the generic rows do not fit stays empty)
                    ext.session.rollback()
    elif browser is not None and browser.framework == "django":
        from django.apps import apps
        from django.db import IntegrityError, transaction

        models = [m for c in apps.get_app_configs() if c.name.startswith(f"{topic}.") for m in c.get_models()]
        for _ in range(2):  # twice: a foreign key finds the rows of a model seeded after it
            for model in [m for m in models if not m.objects.exists()]:
                try:
                    with transaction.atomic():
                        model.objects.bulk_create([_django_row(model, i, marker) for i in range(n)])
                    seeded += 1
                except (LookupError, IntegrityError, ValueError, TypeError):
                    continue
    return seeded


def _django_row(model, i: int, marker: str):
    """Row i of a Django model: the first row of each model it points to, a value for each field that needs one."""
    from django.contrib.auth import get_user_model
    from django.db import models

    values = {}
    for f in model._meta.concrete_fields:
        if f.primary_key and isinstance(f, models.AutoField):
            continue
        if f.is_relation and f.related_model._meta.app_label == "auth":
            users = get_user_model().objects
            values[f.name] = users.first() or users.create_user("owner", "owner@example.com", "Correct-Horse-Battery-9")
        elif f.is_relation:
            values[f.name] = f.related_model.objects.first()
            if values[f.name] is None and not f.null:
                raise LookupError(f.name)
        elif isinstance(f, models.FileField):
            values[f.name] = f"row{i}.txt"
        elif not (f.has_default() or f.null and f.blank):
            values[f.name] = _value(f, i, marker)
    return model(**values)

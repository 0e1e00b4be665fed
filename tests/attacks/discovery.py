"""Every endpoint of every example, found by folder: nothing here names a topic.

A topic is a folder of examples/ with an ``__init__.py``. Its Flask side is the
app its manifest's ``entry.flask`` builds (tests/examples/apps.py, shared with the
example tests); its Django side is every URL the project (``project.urls``) mounts
from ``<topic>.django_app``, or, for a django_app that is a project of its own
(its settings name their own ``ROOT_URLCONF``), every URL of those; its
websockets are Channels' ``websocket_urlpatterns`` in
``<topic>.django_app.routing`` and Flask-SocketIO's handlers on the app.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COOKBOOK = ROOT / "docs" / "cookbook"
NOT_TOPICS = {"project"}

# <int:pk>, <path:name>, <name> (Flask's and Django's route syntax alike)
PARAM = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def topics() -> list[str]:
    return sorted(p.parent.name for p in EXAMPLES.glob("*/__init__.py") if p.parent.name not in NOT_TOPICS)


@dataclass(frozen=True)
class Endpoint:
    topic: str
    framework: str  # "flask" or "django"
    route: str  # as the reader would type it, parameters in <kind:name> form
    methods: frozenset = field(default_factory=frozenset)  # empty: unknown (a Django function view)

    @property
    def params(self) -> list[tuple[str, str]]:
        return [(kind or "string", name) for kind, name in PARAM.findall(self.route)]

    def url(self, **values) -> str:
        """The route with each parameter replaced (URL-quoted) by values[name] or a plain sample."""

        def fill(match):
            kind, name = match.group(1) or "string", match.group(2)
            value = values.get(name, SAMPLES.get(kind, "1"))
            return quote(str(value), safe="" if kind != "path" else "/")

        return PARAM.sub(fill, self.route)

    def allows(self, method: str) -> bool:
        return not self.methods or method in self.methods

    def __str__(self) -> str:
        return self.route


SAMPLES = dict.fromkeys(("string", "str", "slug", "default"), "a")
SAMPLES |= {"int": "1", "path": "a.txt", "uuid": "00000000-0000-4000-8000-000000000001"}


# --- Flask ---------------------------------------------------------------
# The app is built as the example tests build it: tests/examples/apps.py.


def flask_endpoints(topic: str, app) -> list[Endpoint]:
    """One endpoint per route, the methods of its rules merged (GET and POST rules of the same path)."""
    merged: dict[str, set] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static" and not rule.endpoint.endswith(".static"):
            merged.setdefault(rule.rule, set()).update(rule.methods - {"OPTIONS"})
    return [Endpoint(topic, "flask", route, frozenset(m)) for route, m in sorted(merged.items())]


# --- Django --------------------------------------------------------------


def _methods(callback) -> frozenset:
    view = getattr(callback, "view_class", None)
    if view is None:
        return frozenset()
    names = [m for m in view.http_method_names if m != "options" and hasattr(view, m)]
    if "get" in names:
        names.append("head")
    return frozenset(m.upper() for m in names)


def django_endpoints() -> dict[str, list[Endpoint]]:
    """Every URL pattern of the project, grouped by the topic whose django_app defines it."""
    from django.urls import URLPattern, URLResolver, get_resolver
    from django.urls.resolvers import RoutePattern

    by_topic: dict[str, dict[str, set]] = {}

    def walk(resolver, prefix, topic):
        for p in resolver.url_patterns:
            if not isinstance(p.pattern, RoutePattern):
                continue  # regular expressions: Django's own admin app lists, never an example's code
            if isinstance(p, URLResolver):
                module = getattr(p.urlconf_module, "__name__", "") if not isinstance(p.urlconf_module, list) else ""
                inner = module.split(".")[0] if ".django_app" in module else topic
                if module == "" and str(p.pattern) == "admin/":
                    inner = "admin"
                walk(p, prefix + str(p.pattern), inner)
            elif isinstance(p, URLPattern) and topic:
                routes = by_topic.setdefault(topic, {})
                routes.setdefault("/" + prefix + str(p.pattern), set()).update(_methods(p.callback) or {"?"})

    walk(get_resolver(), "", None)
    for topic, urlconf in standalone_urlconfs().items():  # a project of its own: every route is the topic's
        by_topic.pop(topic, None)
        walk(get_resolver(urlconf), "", topic)

    def endpoint(t, route, methods):  # "?": a function view, which takes any method
        return Endpoint(t, "django", route, frozenset(() if "?" in methods else methods))

    return {t: [endpoint(t, *route) for route in sorted(routes.items())] for t, routes in by_topic.items()}


def standalone_urlconfs() -> dict[str, str]:
    """{topic: ROOT_URLCONF} for a django_app that is a project of its own (the benchmark): the
    project does not mount it, its settings name their own root URLs, and the suite serves those."""
    found = {}
    for settings in sorted(EXAMPLES.glob("*/django_app/settings.py")):
        text = settings.read_text(encoding="utf-8")
        match = re.search(r"""^ROOT_URLCONF\s*=\s*["']([\w.]+)["']""", text, re.M)
        if match and "from project.settings import" not in text:
            found[settings.parent.parent.name] = match.group(1)
    return found


def django_websockets() -> dict[str, list[str]]:
    found = {}
    for topic in topics():
        if (EXAMPLES / topic / "django_app" / "routing.py").exists():
            module = importlib.import_module(f"{topic}.django_app.routing")
            found[topic] = [str(p.pattern) for p in getattr(module, "websocket_urlpatterns", [])]
    return found

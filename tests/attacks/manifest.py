"""The declared exceptions: the ``attacks:`` key of ``examples/<topic>/topic.yml``.

Schema (every key required unless marked optional)::

    attacks:
      <rule>:                      # one of RULES below
        - route: /books/           # a route as the suite names it ("*" = every route of the topic)
          framework: flask         # optional: flask, django or both (default both)
          reason: why it is safe   # for the contributor reading this file
          page: a phrase           # text docs/cookbook/<topic>.md must contain, word for word

A declaration holds only while its page says so: the suite looks for ``page``
in the cookbook page (whitespace and Markdown emphasis ignored). Every other
key of topic.yml belongs to someone else and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from tests.attacks.discovery import COOKBOOK, EXAMPLES

RULES = {
    "secrets": "the app refuses to start without a key and holds no usable fallback",
    "csrf": "a write without its CSRF token is refused for the token, and JSON sent as a form is refused",
    "head": "HEAD answers like GET",
    "malformed": "malformed input gets a 4xx, never a 500",
    "escaping": "user input never comes back as unescaped HTML",
    "owner": "an object with an owner is not readable or writable by another user",
    "writes": "a write needs a signed-in user",
    "lists": "a list page is bounded",
    "body_size": "request bodies and websocket frames have a size limit",
    "timing": "login and reset answer in the same time for known and unknown users",
    "sessions": "a session ends on logout and on a password change",
    "cdn": "no asset loads from a CDN without integrity",
    "cors": "another origin never gets its origin back, nor `*` with credentials",
}
FRAMEWORKS = {"flask", "django", "both"}
FIELDS = {"route", "framework", "reason", "page"}


class ManifestError(Exception):
    pass


@dataclass(frozen=True)
class Declaration:
    rule: str
    route: str
    framework: str
    reason: str
    page: str
    where: str  # file and key path, for messages

    def covers(self, framework: str, route: str) -> bool:
        return self.framework in {"both", framework} and self.route in {"*", route}


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).split()).lower()


@cache
def declarations(topic: str) -> tuple[Declaration, ...]:
    """The topic's declared exceptions, validated; a ManifestError names the file and key path."""
    path = EXAMPLES / topic / "topic.yml"
    if not path.exists():
        return ()
    rel = path.relative_to(EXAMPLES.parent)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ManifestError(f"{rel}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{rel}: the top level must be a mapping of keys")
    attacks = data.get("attacks")
    if attacks is None:
        return ()
    if not isinstance(attacks, dict):
        raise ManifestError(f"{rel}: attacks: must map rule names to lists of declarations")
    page = COOKBOOK / f"{topic}.md"
    said = _plain(page.read_text(encoding="utf-8")) if page.exists() else ""
    found = []
    for rule, items in attacks.items():
        key = f"attacks.{rule}"
        if rule not in RULES:
            raise ManifestError(f"{rel}: {key}: unknown rule; use one of {', '.join(sorted(RULES))}")
        if not isinstance(items, list):
            raise ManifestError(f"{rel}: {key}: must be a list of declarations (- route: ...)")
        for i, item in enumerate(items):
            at = f"{key}[{i}]"
            if not isinstance(item, dict):
                raise ManifestError(f"{rel}: {at}: must be a mapping with route, reason and page")
            unknown = set(item) - FIELDS
            if unknown:
                raise ManifestError(f"{rel}: {at}.{sorted(unknown)[0]}: unknown key; use {', '.join(sorted(FIELDS))}")
            for name in ("route", "reason", "page"):
                if not isinstance(item.get(name), str) or not item[name].strip():
                    raise ManifestError(f"{rel}: {at}.{name}: required, a non-empty string")
            framework = item.get("framework", "both")
            if framework not in FRAMEWORKS:
                raise ManifestError(f"{rel}: {at}.framework: use flask, django or both, not {framework!r}")
            if _plain(item["page"]) not in said:
                raise ManifestError(
                    f"{rel}: {at}.page: docs/cookbook/{topic}.md does not say {item['page']!r}; "
                    "say it on the page (next to the code) or remove the declaration"
                )
            found.append(Declaration(rule, item["route"], framework, item["reason"], item["page"], f"{rel}: {at}"))
    return tuple(found)


def declared(topic: str, rule: str, framework: str, route: str) -> Declaration | None:
    for d in declarations(topic):
        if d.rule == rule and d.covers(framework, route):
            return d
    return None

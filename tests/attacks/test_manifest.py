"""The declared exceptions (examples/<topic>/topic.yml, key attacks:) are valid and held by their pages."""

import pytest

from tests.attacks import manifest
from tests.attacks.conftest import TOPICS
from tests.attacks.discovery import ROOT, flask_endpoints
from tests.examples.apps import build_flask


@pytest.mark.parametrize("topic", TOPICS)
def test_every_declaration_is_valid_and_its_page_says_it(topic, tmp_path, django_routes):
    manifest.declarations.cache_clear()
    found = manifest.declarations(topic)  # raises ManifestError naming the file and key path
    if not found:
        return
    app = build_flask(topic, tmp_path)
    routes = {e.route for e in (flask_endpoints(topic, app) if app else [])}
    routes |= {e.route for e in django_routes.get(topic, [])}
    for d in found:
        known = d.route == "*" or d.route in routes or (ROOT / d.route).exists() or d.route.startswith(f"{topic}.")
        assert known, f"{d.where}.route: {d.route!r} is no route, file or settings module of {topic}; fix or remove it"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("attacks: [1]", "attacks: must map rule names"),
        ("attacks:\n  nosuch: []", "attacks.nosuch: unknown rule"),
        ("attacks:\n  lists:\n    - route: /x/\n      reason: r\n", "attacks.lists[0].page: required"),
        ("attacks:\n  lists:\n    - {route: /x/, reason: r, page: p, framework: rails}", "attacks.lists[0].framework"),
        (
            "attacks:\n  lists:\n    - {route: /x/, reason: r, page: words no page says}",
            "attacks.lists[0].page: docs/cookbook/demo.md does not say",
        ),
    ],
)
def test_a_bad_declaration_names_file_and_key(tmp_path, monkeypatch, text, error):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "topic.yml").write_text(text)
    monkeypatch.setattr(manifest, "EXAMPLES", tmp_path)
    manifest.declarations.cache_clear()
    with pytest.raises(manifest.ManifestError) as caught:
        manifest.declarations("demo")
    assert f"demo/topic.yml: {error}" in str(caught.value)
    manifest.declarations.cache_clear()

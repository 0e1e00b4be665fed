"""Every topic's manifest names entry points a test client can use, in both frameworks."""

from __future__ import annotations

import importlib

import pytest
from flask import Flask

from macros import topics
from tests.examples.conftest import EXAMPLES

TOPICS = topics.load(EXAMPLES)


@pytest.mark.parametrize("topic", TOPICS)
def test_the_entry_points_import(topic):
    entry = TOPICS[topic].entry
    module, attr = entry["flask"].split(":")
    app = getattr(importlib.import_module(module), attr)
    assert isinstance(app, Flask) or callable(app), f"examples/{topic}/topic.yml: entry.flask is {app!r}"
    django = importlib.import_module(entry["django"])
    if TOPICS[topic].mount is not None:
        assert entry["django"].endswith(".urls") and hasattr(django, "urlpatterns"), (
            f"examples/{topic}/topic.yml: entry.django must be the URLconf the mount includes"
        )

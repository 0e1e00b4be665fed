"""Discovery misses nothing: every example app a topic folder holds is found and attacked."""

import pytest

from tests.attacks.conftest import TOPICS
from tests.attacks.discovery import EXAMPLES, django_endpoints
from tests.examples.apps import flask_factory


@pytest.mark.parametrize("topic", TOPICS)
def test_every_app_of_the_topic_is_found(topic):
    folder = EXAMPLES / topic
    if (folder / "flask_app.py").exists() or any(folder.glob("flask_*/__init__.py")):
        assert flask_factory(topic) is not None, (
            f"examples/{topic}: no create_app() (or app) in flask_app.py or a flask_* package; "
            "the attack suite attacks the app that function builds"
        )
    if (folder / "django_app" / "urls.py").exists():
        assert topic in django_endpoints(), (
            f"examples/{topic}/django_app/urls.py: project/urls.py mounts none of its routes"
        )

"""The topic manifest loader: every mistake names the file, the line and the key path."""

from __future__ import annotations

import pytest

from macros import topics

GOOD = (
    "title: Greet\ngroup: Basics\nmount: greet/\n"
    "entry:\n  flask: greet.flask_app:create_app\n  django: greet.django_app.urls\n"
)


@pytest.fixture
def folder(tmp_path):
    topic = tmp_path / "examples" / "greet"
    (topic / "django_app").mkdir(parents=True)
    (topic / "django_app" / "urls.py").write_text("urlpatterns = []\n")
    return topic


def test_a_manifest_reads_into_a_topic_and_passes_attacks_through_untouched(folder):
    attacks = {"csrf": [{"path": "/greet/", "expect": 403}]}
    (folder / "topic.yml").write_text(
        GOOD + "prompts: [secret, secret]\nservices: [redis]\nattacks:\n  csrf:\n    - {path: /greet/, expect: 403}\n"
    )
    topic = topics.read(folder / "topic.yml")
    assert (topic.title, topic.group, topic.mount, topic.answers) == ("Greet", "Basics", "greet/", "secret\nsecret\n")
    assert topic.extra == {"attacks": attacks}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("title:", "titel:"), r"line 1: titel: not a manifest key; did you mean `title:`\?"),
        (GOOD.replace("mount: greet/", "mount: /greet"), r"line 3: mount: '/greet' is not a mount"),
        (GOOD.replace("mount: greet/\n", ""), r"line 1: \(top level\): `mount:` is missing"),
        (GOOD + "services: [memcached]\n", r"line 7: services\[0\]: unknown service 'memcached'"),
        (
            GOOD.replace("greet.flask_app:create_app", "other.flask_app:create_app"),
            r"line 5: entry.flask: 'other.flask_app:create_app' is not a module of this topic's package; "
            "write it as greet.flask_app:create_app",
        ),
        ("title: [unclosed\n", r"line 2: not valid YAML"),
    ],
)
def test_a_mistake_names_the_file_line_and_key(folder, text, message):
    (folder / "topic.yml").write_text(text)
    with pytest.raises(topics.TopicError, match=r"^examples/greet/topic\.yml, " + message):
        topics.read(folder / "topic.yml")


def test_a_page_without_a_manifest_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "docs" / "cookbook").mkdir(parents=True)
    (tmp_path / "docs" / "cookbook" / "paging.md").write_text("# Paging\n")
    (tmp_path / "examples").mkdir()
    with pytest.raises(topics.TopicError, match=r"^examples/paging/topic\.yml: missing"):
        topics.load(tmp_path / "examples")

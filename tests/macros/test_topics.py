"""The topic manifest loader: every mistake names the file, the line and the key path."""

from __future__ import annotations

import pytest

from macros import topics

GOOD = (
    "title: Greet\ngroup: Basics\nsummary: Saying hello.\nmount: greet/\n"
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
        (GOOD.replace("mount: greet/", "mount: /greet"), r"line 4: mount: '/greet' is not a mount"),
        (GOOD + "order: first\n", r"line 8: order: write the topic's place in its group as a number"),
        (GOOD.replace("summary: Saying hello.\n", ""), r"line 1: \(top level\): `summary:` is missing"),
        (GOOD.replace("mount: greet/\n", ""), r"line 1: \(top level\): `mount:` is missing"),
        (GOOD + "services: [memcached]\n", r"line 8: services\[0\]: unknown service 'memcached'"),
        (
            GOOD.replace("greet.flask_app:create_app", "other.flask_app:create_app"),
            r"line 6: entry.flask: 'other.flask_app:create_app' is not a module of this topic's package; "
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


NAV = [
    {"Home": "index.md"},
    {"Cookbook": ["cookbook/index.md", {"Basics": []}, {"Data": []}]},
    {"Reference": [{"Glossary": "glossary.md"}]},
]


def topic(name, title, group, order=None):
    entry = {"flask": f"{name}.flask_app:create_app", "django": f"{name}.django_app.urls"}
    return topics.Topic(name, title, group, f"What {title} does.", f"{name}/", entry, order=order)


def test_the_cookbook_groups_list_their_topics_by_order_then_title():
    found = {
        t.name: t
        for t in (
            topic("zebra", "Zebra", "Basics"),
            topic("hello", "Hello", "Basics", order=1),
            topic("apple", "Apple", "Basics"),
            topic("orm", "ORM", "Data", order=2),
        )
    }
    nav = topics.fill_nav(NAV, found)
    assert nav[1] == {
        "Cookbook": [
            "cookbook/index.md",
            {
                "Basics": [
                    {"Hello": "cookbook/hello.md"},
                    {"Apple": "cookbook/apple.md"},
                    {"Zebra": "cookbook/zebra.md"},
                ]
            },
            {"Data": [{"ORM": "cookbook/orm.md"}]},
        ]
    }
    assert (nav[0], nav[2]) == (NAV[0], NAV[2])
    assert topics.groups(NAV) == ["Basics", "Data"]
    assert topics.index_list(nav, found).splitlines()[:4] == [
        "### Basics",
        "",
        "- [Hello](hello.md): What Hello does.",
        "- [Apple](apple.md): What Apple does.",
    ]


def test_zensical_reads_the_filled_nav_and_every_other_line_as_written():
    text = "site_name: X\nnav:\n  - Home: index.md\n  # a comment\n  - Cookbook: []\n\nextra: !ENV [A, b]\n"
    nav = [{"Home": "index.md"}, {"Cookbook": [{"Basics": [{"Hello": "cookbook/hello.md"}]}]}]
    assert topics.config_text(text, nav) == (
        "site_name: X\nnav:\n- Home: index.md\n- Cookbook:\n  - Basics:\n    - Hello: cookbook/hello.md\n"
        "extra: !ENV [A, b]\n"
    )

"""Checks on a page's own text: each mistake gives one message naming the page and the line."""

from __future__ import annotations

import inspect
import re

import pytest
from jinja2 import Environment, StrictUndefined

from macros import pages

PAGE = "docs/cookbook/demo.md"
GOOD = """\
---
description: A page that does everything right, for the tests of the page checks.
---

# A good page

**The answer, in bold.** Then a plain sentence.

![A diagram of the request path](../assets/diagrams/request-path.svg)

Open <http://127.0.0.1:8000/> or [the docs](https://flask.palletsprojects.com/).

```text
http://example.com/ inside code is not a link
```

{{ example("hello", "app") }}

The right framework, right away; the table below; turn left at `left: 0`.
Then open <http://localhost:5000/> and `http://example.com/` (in code).
"""


def mistake(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def test_a_good_page_has_no_problem():
    # Right and below in their other senses, local addresses and code may stay http.
    assert pages.page_problems(PAGE, GOOD) == []


PAGE_MISTAKES = [
    # (id, page text, the only message (regex); its line is checked separately)
    (
        "no description",
        mistake(
            "description: A page that does everything right, for the tests of the page checks.\n",
            "title: A good page\n",
        ),
        r"docs/cookbook/demo\.md, line 2: the front matter has no `description:`, so the page would take the site's; "
        r"write one sentence",
    ),
    (
        "misspelt description",
        mistake("description:", "descripton:"),
        r"docs/cookbook/demo\.md, line 2: `descripton:` is not a front matter key MkDocs or this site reads; did you "
        r"mean `description:`\?$",
    ),
    (
        "short description",
        mistake("A page that does everything right, for the tests of the page checks.", "Demo."),
        r"docs/cookbook/demo\.md, line 2: the description 'Demo\.' is shorter than 20 characters",
    ),
    (
        "description with a straight quote",
        mistake("does everything right", 'does "everything" right'),
        r"docs/cookbook/demo\.md, line 2: the description holds \", which the theme writes into an HTML "
        r"attribute as it is",
    ),
    (
        "empty front matter",
        mistake("description: A page that does everything right, for the tests of the page checks.\n", ""),
        r"docs/cookbook/demo\.md, line 2: the front matter is empty, so the page would take the site's description",
    ),
    (
        "invalid front matter",
        mistake("description: A page", "description: Demo: a page"),
        r"docs/cookbook/demo\.md, line 2: the front matter is not valid YAML \(mapping values are not allowed here\), "
        r"so the page would show it as text; .* needs quotes",
    ),
    (
        "unclosed front matter",
        mistake("checks.\n---\n", "checks.\n"),
        r"docs/cookbook/demo\.md, line 1: the front matter opened here with `---` is never closed, so the page would "
        r"show it as text; end it with a line `---` before the `# Title`$",
    ),
    (
        "no front matter",
        GOOD.split("---\n", 2)[2].lstrip(),
        r"docs/cookbook/demo\.md, line 1: the page has no front matter; start it with three lines",
    ),
    (
        "no title",
        mistake("# A good page", "A good page"),
        r"docs/cookbook/demo\.md, line 5: the page has no `# Title` line after the front matter \(it starts with "
        r"'A good page'\); begin the text with one",
    ),
    (
        "title without its space",
        mistake("# A good page", "#A good page"),
        r"docs/cookbook/demo\.md, line 5: the page has no `# Title` line",
    ),
    (
        "image without alt text",
        mistake("![A diagram of the request path]", "![]"),
        r"docs/cookbook/demo\.md, line 9: the image \.\./assets/diagrams/request-path\.svg has no alt text, so a "
        r"screen reader cannot say what it shows; write that between the brackets: !\[What the image shows\]",
    ),
    (
        "img tag without alt text",
        mistake(
            "![A diagram of the request path](../assets/diagrams/request-path.svg)",
            '<img src="../assets/diagrams/request-path.svg" alt="">',
        ),
        r"docs/cookbook/demo\.md, line 9: the image \.\./assets/diagrams/request-path\.svg has no alt text",
    ),
    (
        "plain http link",
        mistake("https://flask.palletsprojects.com/", "http://flask.palletsprojects.com/"),
        r"docs/cookbook/demo\.md, line 11: the link http://flask\.palletsprojects\.com/ is plain http://; link to the "
        r"https:// address instead \(only http://localhost and http://127\.0\.0\.1 addresses",
    ),
    (
        "plain http autolink",
        mistake("<http://127.0.0.1:8000/>", "<http://example.com/>"),
        r"docs/cookbook/demo\.md, line 11: the link http://example\.com/ is plain http://",
    ),
    (
        "a place on the screen",
        mistake("Then a plain sentence.", "Then the layout on the left."),
        r"docs/cookbook/demo\.md, line 7: 'on the left' names a place on the screen that moves with its width",
    ),
    (
        "a column that stacks",
        mistake("Then a plain sentence.", "Then the right-hand shape."),
        r"docs/cookbook/demo\.md, line 7: 'right-hand' names a place on the screen",
    ),
    (
        "placeholder left",
        mistake("Then a plain sentence.", "FILL IN: a plain sentence."),
        r"docs/cookbook/demo\.md, line 7: still holds a placeholder from `make new-topic`",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [m[1:] for m in PAGE_MISTAKES], ids=[m[0] for m in PAGE_MISTAKES])
def test_a_page_mistake_gives_one_message_naming_page_and_line(text, expected):
    problems = pages.page_problems(PAGE, text)
    assert len(problems) == 1, problems
    assert re.match(expected, problems[0]), problems[0]


NAV = [
    {"Home": "index.md"},
    {"Cookbook": ["cookbook/index.md", {"Hello": "cookbook/hello.md"}, {"Routing": "cookbook/routing.md"}]},
    {"Reference": [{"Glossary": "glossary.md"}]},
]


def test_section_pages_come_from_the_nav():
    assert pages.section_pages(NAV) == {
        "cookbook/index.md": [("Hello", "cookbook/hello.md"), ("Routing", "cookbook/routing.md")]
    }


def test_the_pages_of_a_group_count_as_the_sections_unless_the_group_has_an_index():
    nav = [
        {
            "Cookbook": [
                "cookbook/index.md",
                {"Basics": [{"Hello": "cookbook/hello.md"}, {"Routing": "cookbook/routing.md"}]},
                {"Data": [{"Database": "cookbook/database.md"}]},
                {"Recipes": ["cookbook/recipes/index.md", {"Pie": "cookbook/recipes/pie.md"}]},
            ]
        }
    ]
    assert pages.section_pages(nav) == {
        "cookbook/index.md": [
            ("Hello", "cookbook/hello.md"),
            ("Routing", "cookbook/routing.md"),
            ("Database", "cookbook/database.md"),
        ],
        "cookbook/recipes/index.md": [("Pie", "cookbook/recipes/pie.md")],
    }


def test_a_section_index_must_link_every_page_of_the_section():
    text = "# Cookbook\n\n- [Hello](hello.md): the smallest app.\n\nMore text.\n"
    (problem,) = pages.index_problems(
        "docs/cookbook/index.md", text, "cookbook/index.md", pages.section_pages(NAV)["cookbook/index.md"]
    )
    assert problem == (
        "docs/cookbook/index.md, line 3: the list of pages has no link to routing.md, which "
        "mkdocs.yml's nav lists in this section; add a line such as "
        "`- [Routing](routing.md): what the page does, in a few words`"
    )
    assert (
        pages.index_problems(
            "docs/cookbook/index.md",
            text + "- [Routing](routing.md)\n",
            "cookbook/index.md",
            pages.section_pages(NAV)["cookbook/index.md"],
        )
        == []
    )


def example(topic, section, examples="examples"):
    return ""


def check(markdown: str) -> list[str]:
    env = Environment(undefined=StrictUndefined)
    return pages.template_problems(
        lambda line: f"{PAGE}, line {line + 4}",
        env,
        markdown,
        {"example", "fact"},
        {"example": inspect.signature(example)},
    )


TEMPLATE_MISTAKES = [
    (
        "syntax",
        '{{ example("hello", "app" }}',
        r"docs/cookbook/demo\.md, line 8: the macro syntax is broken: unexpected '}', expected '\)'",
    ),
    (
        "unknown macro",
        '{{ exampel("hello", "app") }}',
        r"docs/cookbook/demo\.md, line 8: there is no macro exampel\(\); did you mean example\(\)\?$",
    ),
    (
        "unknown variable",
        "{{ no_such_variable }}",
        r"docs/cookbook/demo\.md, line 8: no_such_variable is not defined for pages; the macros are example",
    ),
    (
        "missing argument",
        '{{ example("hello") }}',
        r"docs/cookbook/demo\.md, line 8: example\(\) missing a required argument: 'section'; write it as "
        r'example\(topic, section, examples="examples"\)$',
    ),
    (
        "too many arguments",
        '{{ example("hello", "app", "x", "y") }}',
        r"docs/cookbook/demo\.md, line 8: example\(\) too many positional arguments",
    ),
    (
        "unknown keyword",
        '{{ example("hello", secton="app") }}',
        r"docs/cookbook/demo\.md, line 8: example\(\) has no argument 'secton' \(did you mean 'section'\?\)",
    ),
]


@pytest.mark.parametrize(
    ("call", "expected"), [m[1:] for m in TEMPLATE_MISTAKES], ids=[m[0] for m in TEMPLATE_MISTAKES]
)
def test_a_macro_mistake_names_the_page_line_with_the_front_matter_counted(call, expected):
    problems = check("# Demo\n\nText.\n" + call + "\n")
    assert problems and re.match(expected, problems[0]), problems


def test_good_macro_calls_pass():
    assert check('{{ example("hello", "app") }} {{ example(topic="a", section="b") }} {% set x = 1 %}{{ x }}') == []

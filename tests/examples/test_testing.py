"""Testing: the tests shown on the page pass against the example apps, fail
against deliberately broken copies of them, and run with the page's commands.

A test that still passes when the app is broken proves nothing, so each shown
test file is also run against "mutants": the same app with one behaviour
broken through monkeypatching, and the test that guards that behaviour must fail
(tests/examples/shown_tests.py runs them).
"""

from __future__ import annotations

import pytest
from flask import redirect as flask_redirect
from flask import render_template as flask_render

import testing.flask_app as flask_app
from testing.django_app import tests as django_tests
from testing.django_app.models import Note
from testing.django_app.views import NoteForm, NotesView
from tests.examples.conftest import EXAMPLES
from tests.examples.shown_tests import failing, pytest_outcomes, unittest_outcomes

pytestmark = pytest.mark.django_db
ADDED = "test_adding_a_note_redirects_to_the_list_that_shows_it"
REFUSED = "test_an_empty_note_is_refused"
ALL = {"test_the_list_starts_empty", ADDED, REFUSED}


def failing_shown_tests(framework: str, monkeypatch) -> set[str]:
    """The shown tests that fail against the app as it now is: flask_tests.py with pytest, tests.py's TestCase."""
    if framework == "flask":
        outcomes = pytest_outcomes(EXAMPLES / "testing" / "flask_tests.py", "testing.flask_tests", monkeypatch)
    else:
        outcomes = unittest_outcomes(django_tests.NoteTests)
    assert set(outcomes) == ALL
    return failing(outcomes)


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_the_shown_tests_pass(framework, monkeypatch):
    assert failing_shown_tests(framework, monkeypatch) == set()


def flask_render_with(**replaced):
    """render_template with parts of the view's context replaced, each made when the page renders."""
    return lambda template, **context: flask_render(template, **{**context, **{k: v() for k, v in replaced.items()}})


def forget_notes(view, **kwargs):
    return {**ORIGINAL_CONTEXT(view, **kwargs), "notes": []}


def blank_flask_form():
    return flask_app.NoteForm(formdata=None)  # the same form, its errors forgotten


def blank_django_form(view, form):
    return view.render_to_response(view.get_context_data(form=NoteForm()))


ORIGINAL_CONTEXT = NotesView.get_context_data
# (framework, what is patched, its attribute, the broken replacement, the shown test that must fail)
MUTANTS = {
    "flask: notes forgotten": ("flask", flask_app, "render_template", flask_render_with(notes=list), ADDED),
    "flask: error lost": ("flask", flask_app, "render_template", flask_render_with(form=blank_flask_form), REFUSED),
    "flask: wrong redirect": ("flask", flask_app, "redirect", lambda to: flask_redirect("/"), ADDED),
    "django: notes forgotten": ("django", NotesView, "get_context_data", forget_notes, ADDED),
    "django: error lost": ("django", NotesView, "form_invalid", blank_django_form, REFUSED),
    "django: wrong redirect": ("django", NotesView, "success_url", "/", ADDED),
    "django: never saved": ("django", Note, "save", lambda self, *args, **kwargs: None, ADDED),
}


@pytest.mark.parametrize("mutant", MUTANTS)
def test_the_shown_tests_fail_when_the_app_is_broken(monkeypatch, mutant):
    framework, target, name, replacement, guard = MUTANTS[mutant]
    monkeypatch.setattr(target, name, replacement)
    assert failing_shown_tests(framework, monkeypatch) == {guard}


# Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("sent", ["", "note=hi", "text=%20%20"], ids=["empty body", "no text", "blank text"])
def test_a_post_without_a_note_shows_the_form_again(site, sent):
    """A script's POST (no form to take a token from); both answer with the form, status 200."""
    response = site.client(csrf=False).post(
        site.url("notes/"), data=sent, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200

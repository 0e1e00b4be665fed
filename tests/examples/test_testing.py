"""Testing: the tests shown on the page pass against the example apps, fail
against deliberately broken copies of them, and run with the page's commands.

A test that still passes when the app is broken proves nothing, so each shown
test file is also run against "mutants": the same app with one behaviour
broken through monkeypatching, and the test that guards that behaviour must fail.
"""

from __future__ import annotations

import sys
import unittest

import pytest
from flask import redirect as flask_redirect
from flask import render_template as flask_render

import testing.flask_app as flask_app
from testing.django_app import tests as django_tests
from testing.django_app import views as django_views
from testing.django_app.models import Note
from tests.examples.conftest import EXAMPLES

FLASK_TESTS = EXAMPLES / "testing" / "flask_tests.py"
ALL = {
    "test_the_list_starts_empty",
    "test_adding_a_note_redirects_to_the_list_that_shows_it",
    "test_an_empty_note_is_refused",
}


class Outcomes:
    """A pytest plugin that records each test's outcome by name."""

    def __init__(self):
        self.by_test: dict[str, str] = {}

    def pytest_runtest_logreport(self, report):
        name = report.nodeid.rpartition("::")[2]
        if report.failed or report.when == "call":
            self.by_test.setdefault(name, report.outcome)


def run_flask_tests(monkeypatch) -> dict[str, str]:
    """Run flask_tests.py with pytest in this process, against whatever testing.flask_app now is."""
    monkeypatch.delitem(sys.modules, "testing.flask_tests", raising=False)
    outcomes = Outcomes()
    code = pytest.main(
        [str(FLASK_TESTS), "-q", "-p", "no:django", "-p", "no:pytest_cov", "-p", "no:cacheprovider"], plugins=[outcomes]
    )
    assert set(outcomes.by_test) == ALL
    assert (code == 0) == all(o == "passed" for o in outcomes.by_test.values())
    return outcomes.by_test


def run_django_tests() -> dict[str, str]:
    """Run the TestCase from tests.py with unittest in this process, on pytest-django's test database."""
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(django_tests.NoteTests)
    outcomes = {test._testMethodName: "passed" for test in suite}
    result = unittest.TestResult()
    suite.run(result)
    for test, _ in result.failures + result.errors:
        outcomes[test._testMethodName] = "failed"
    assert set(outcomes) == ALL and result.testsRun == 3
    return outcomes


def failing(outcomes: dict[str, str]) -> set[str]:
    return {name for name, outcome in outcomes.items() if outcome != "passed"}


# The shown tests pass against the real apps ---------------------------------


def test_the_flask_tests_pass(monkeypatch):
    assert failing(run_flask_tests(monkeypatch)) == set()


def test_the_django_tests_pass(db):
    assert failing(run_django_tests()) == set()


# ... and catch a broken app --------------------------------------------------


def flask_render_without(key, value=None):
    def render(template, **context):
        if key in context:
            context[key] = value
        return flask_render(template, **context)

    return render


def flask_render_without_errors(template, **context):
    context["form"] = flask_app.NoteForm(formdata=None)  # the same form, its errors forgotten
    return flask_render(template, **context)


FLASK_MUTANTS = {
    "the list forgets added notes": (
        "render_template",
        flask_render_without("notes", []),
        {"test_adding_a_note_redirects_to_the_list_that_shows_it"},
    ),
    "the error message is lost": ("render_template", flask_render_without_errors, {"test_an_empty_note_is_refused"}),
    "adding redirects to the wrong page": (
        "redirect",
        lambda location: flask_redirect("/"),
        {"test_adding_a_note_redirects_to_the_list_that_shows_it"},
    ),
}


@pytest.mark.parametrize("mutant", FLASK_MUTANTS)
def test_the_flask_tests_fail_when_the_app_is_broken(monkeypatch, mutant):
    name, replacement, expected = FLASK_MUTANTS[mutant]
    monkeypatch.setattr(flask_app, name, replacement)
    assert failing(run_flask_tests(monkeypatch)) == expected


def forget_notes(view, **kwargs):
    context = ORIGINAL_CONTEXT(view, **kwargs)
    context["notes"] = []
    return context


ORIGINAL_CONTEXT = django_views.NotesView.get_context_data
DJANGO_MUTANTS = {
    "the list forgets added notes": (
        django_views.NotesView,
        "get_context_data",
        forget_notes,
        {"test_adding_a_note_redirects_to_the_list_that_shows_it"},
    ),
    "the error message is lost": (
        django_views.NotesView,
        "form_invalid",
        lambda view, form: view.render_to_response(view.get_context_data(form=django_views.NoteForm())),
        {"test_an_empty_note_is_refused"},
    ),
    "adding redirects to the wrong page": (
        django_views.NotesView,
        "success_url",
        "/",
        {"test_adding_a_note_redirects_to_the_list_that_shows_it"},
    ),
}


@pytest.mark.parametrize("mutant", DJANGO_MUTANTS)
def test_the_django_tests_fail_when_the_app_is_broken(monkeypatch, db, mutant):
    target, name, replacement, expected = DJANGO_MUTANTS[mutant]
    monkeypatch.setattr(target, name, replacement)
    assert failing(run_django_tests()) == expected


def test_the_django_tests_fail_when_notes_are_never_saved(monkeypatch, db):
    monkeypatch.setattr(Note, "save", lambda self, *args, **kwargs: None)
    assert failing(run_django_tests()) == {"test_adding_a_note_redirects_to_the_list_that_shows_it"}


# Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("sent", ["", "note=hi", "text=%20%20"], ids=["empty body", "no text", "blank text"])
def test_a_post_without_a_note_shows_the_form_again(site, sent):
    """A script's POST (no form to take a token from); both answer with the form, status 200."""
    response = site.client(csrf=False).post(
        site.url("notes/"), data=sent, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200

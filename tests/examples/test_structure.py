"""Structuring a larger app: the Flask package of blueprints and the Django project of apps
serve the same two pages, each part finds its own templates and reads the shared settings,
the tests that live beside each part pass (and fail when the part breaks), and the
commands on the page run.

Both run as the `site` fixture (tests/examples/apps.py) serves them: Django through this
site's project URLs (/structure/...), where project/settings.py installs both apps; the
bookshop's own settings module is checked separately, and its test command is run as a reader runs it.
"""

from __future__ import annotations

import re
import shlex

import pytest
from django.template.loader import get_template

import structure.flask_shop.reviews.views as flask_reviews
from structure.django_app.catalog import tests as catalog_tests
from structure.django_app.catalog.models import Book as DjangoBook
from structure.django_app.reviews import tests as reviews_tests
from structure.django_app.reviews import views as django_reviews
from structure.flask_shop.catalog.models import Book
from structure.flask_shop.extensions import db
from structure.flask_shop.reviews.models import Review
from tests.examples import apps
from tests.examples.browsing import body, words
from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import bash
from tests.examples.serving import reader_env
from tests.examples.shown_tests import failing, pytest_outcomes, unittest_outcomes

pytestmark = pytest.mark.django_db


def get(site, path):
    return site.client().get(site.url(path))


def add_book(site, title, author, reviews=()):
    if site.framework == "flask":
        with site.context():
            book = Book(title=title, author=author)
            db.session.add_all([book, *(Review(book=book, rating=r, text=t) for r, t in reviews)])
            db.session.commit()
            return book.id
    book = DjangoBook.objects.create(title=title, author=author)
    for rating, text in reviews:
        book.reviews.create(rating=rating, text=text)
    return book.pk


# The two parts, as a reader uses them ------------------------------------------------


def test_the_catalog_links_each_book_to_its_reviews(site):
    assert "No books yet." in words(get(site, "/books/"))
    pk = add_book(site, "Kindred", "Octavia E. Butler", [(4, "Gripping."), (5, "A classic.")])
    add_book(site, "Dune", "Frank Herbert")
    listed = get(site, "/books/")
    assert "Books Dune, Frank Herbert Kindred, Octavia E. Butler" in words(listed)
    link = re.search(r'<a href="([^"]+)">Kindred</a>', body(listed)).group(1)
    assert link == site.url(f"books/{pk}/reviews/")

    reviews = words(site.client().get(link))
    assert "Reviews of Kindred 5/5: A classic. 4/5: Gripping." in reviews
    assert "All books" in reviews


def test_a_book_without_reviews_says_so(site):
    pk = add_book(site, "Dune", "Frank Herbert")
    assert "No reviews yet." in words(get(site, f"/books/{pk}/reviews/"))


@pytest.mark.parametrize("pk", ["99", "99999999999999999999999"])
def test_the_reviews_of_a_missing_book_are_404(site, pk):
    assert get(site, f"/books/{pk}/reviews/").status_code == 404


@pytest.mark.parametrize("path", ["/books/abc/reviews/", "/books/-1/reviews/", "/books/1/reviews/x"])
def test_paths_that_are_not_pages_are_404(site, path):
    assert get(site, path).status_code == 404


def test_each_part_reads_the_shared_settings(site, monkeypatch, settings, tmp_path):
    """REVIEWS_PER_BOOK comes from config.py (a FLASK_* variable overrides it) or from the Django settings."""
    if site.framework == "flask":
        monkeypatch.setenv("FLASK_REVIEWS_PER_BOOK", "1")
        site = apps.Site("structure", "flask", apps.build_flask("structure", tmp_path / "again"))
    else:
        settings.REVIEWS_PER_BOOK = 1
    pk = add_book(site, "Kindred", "Octavia E. Butler", [(4, "Gripping."), (5, "A classic.")])
    shown = words(get(site, f"/books/{pk}/reviews/"))
    assert "A classic." in shown and "Gripping." not in shown


def template_file(site, name: str) -> str:
    """The file the part's template loader finds for ``name``: Flask's blueprint folders, Django's app folders."""
    if site.framework == "flask":
        with site.context():
            return site.app.jinja_env.get_template(name).filename
    return get_template(name).origin.name


@pytest.mark.parametrize("name", ["catalog/book_list.html", "reviews/review_list.html"])
def test_each_part_finds_its_template_in_its_own_folder(site, name):
    part = name.split("/")[0]
    assert template_file(site, name).endswith(f"/{part}/templates/{name}")


# The tests that live beside the parts pass, and catch a broken part ----------------------

FLASK_TESTS = EXAMPLES / "structure" / "flask_tests"


def failing_tests_beside(framework: str, monkeypatch) -> set[str]:
    """The tests beside the parts that fail: flask_tests/ with pytest, each Django app's tests.py with unittest."""
    if framework == "flask":
        outcomes = pytest_outcomes(FLASK_TESTS, "structure.flask_tests", monkeypatch)
    else:
        outcomes = unittest_outcomes(catalog_tests.BookListTests, reviews_tests.ReviewListTests)
    assert len(outcomes) == 3
    return failing(outcomes)


def flask_worst_first(template, **context):
    context["reviews"] = sorted(context["reviews"], key=lambda r: r.rating)
    return REAL["flask"](template, **context)


REAL = {"flask": flask_reviews.render_template, "django": django_reviews.ReviewListView.get_queryset}
WORST_FIRST = {
    "flask": (flask_reviews, "render_template", flask_worst_first),
    "django": (
        django_reviews.ReviewListView,
        "get_queryset",
        lambda self: sorted(REAL["django"](self), key=lambda r: r.rating),
    ),
}


@pytest.mark.parametrize("framework", apps.FRAMEWORKS)
def test_the_tests_beside_each_part_pass_and_catch_reviews_in_the_wrong_order(framework, monkeypatch):
    assert failing_tests_beside(framework, monkeypatch) == set()
    monkeypatch.setattr(*WORST_FIRST[framework])
    assert failing_tests_beside(framework, monkeypatch) == {"test_reviews_are_listed_best_first"}


# Settings, URLs and commands ------------------------------------------------------------


def test_the_flask_routes_command_lists_each_blueprints_endpoints(tmp_path):
    """--app names the package: `flask` finds create_app() in it and calls it."""
    line = next(line for line in section("structure/flask_commands.sh", "run") if line.endswith(" routes"))
    # Its database a scratch file, not the reader's instance/ file.
    out = bash([line], EXAMPLES, reader_env(FLASK_SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'shop.sqlite3'}"))
    assert re.search(r"^catalog\.book_list\s+GET\s+/books/\s*$", out, re.M), out
    assert re.search(r"^reviews\.review_list\s+GET\s+/books/<int:book_id>/reviews/\s*$", out, re.M), out


def test_the_django_test_command_on_the_page_runs_each_apps_tests(tmp_path):
    """As a reader types it: the page's exports (the bookshop's settings, a fresh secret key), then the test line."""
    run = [line for line in section("structure/django_commands.sh", "run") if line.startswith(("export ", "key="))]
    [line] = section("structure/django_commands.sh", "test")
    output = bash([*run, line], EXAMPLES, reader_env(DJANGO_DB=str(tmp_path / "shop.sqlite3")))
    assert "structure.django_app.settings" in "\n".join(run)
    assert "Ran 3 tests" in output and "OK" in output


def test_the_flask_test_command_on_the_page_names_the_tests_folder():
    [line] = section("structure/flask_commands.sh", "test")
    *runner, path = shlex.split(line)
    assert runner == ["python", "-m", "pytest"] and EXAMPLES / path == FLASK_TESTS
    assert (FLASK_TESTS.parent / "pytest.ini").is_file()

"""Relationships: the paginated book list shows authors and tags in three queries however many
books there are, a bad page number is a 404 (never a 500), and the query-count tests the page
shows pass, and fail once the eager loading is taken out.

Each test runs on both frameworks (the `site` fixture, tests/examples/apps.py), on the
paths the page gives (/relationships/... on Django, so the namespaced `{% url %}` tags resolve).
"""

from __future__ import annotations

import io
import re
import shlex
import sys
import unittest

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from sqlalchemy.orm import lazyload

import relationships.flask_views as flask_views
from relationships.django_app import tests as django_tests
from relationships.django_app import views as django_views
from relationships.django_app.models import Author as DjangoAuthor
from relationships.django_app.models import Book as DjangoBook
from relationships.django_app.models import Tag as DjangoTag
from relationships.flask_app import create_app
from relationships.flask_models import Author, Book, Tag, db
from relationships.flask_queries import count_queries
from tests.examples.browsing import body, words
from tests.examples.conftest import EXAMPLES, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def books(site):
    """The topic's app with the twelve books its seed command adds, as the page runs it."""
    if site.framework == "flask":
        assert site.app.test_cli_runner().invoke(args=["seed-books"]).output == "Added 12 books.\n"
    else:
        out = io.StringIO()
        call_command("seed_books", stdout=out)
        assert out.getvalue() == "Added 12 books.\n"
    return site


def get(site, path):
    return site.client().get(site.url(path))


def queries(site, path) -> tuple[int, object]:
    """How many SQL statements a GET of `path` runs, and the response."""
    if site.framework == "flask":
        with site.context():
            counting = count_queries(db.engine)
    else:
        counting = CaptureQueriesContext(connection)
    with counting as statements:
        response = get(site, path)
    return len(statements), response


def add_books(site, n):
    with site.context():
        if site.framework == "flask":
            author, tag = Author(name="Someone"), db.session.get(Tag, 1)
            db.session.add_all(Book(title=f"Zed {i:03}", author=author, tags=[tag]) for i in range(n))
            db.session.commit()
            return
        author, tag = DjangoAuthor.objects.create(name="Someone"), DjangoTag.objects.get(name="classic")
        for i in range(n):
            DjangoBook.objects.create(title=f"Zed {i:03}", author=author).tags.add(tag)


def delete_books(site):
    if site.framework == "flask":
        with site.context():
            db.session.execute(db.delete(Book))
            db.session.commit()
    else:
        DjangoBook.objects.all().delete()


# What a reader sees ------------------------------------------------------------


def test_the_list_shows_five_books_a_page_with_authors_and_tags(books):
    first = words(get(books, "/books/"))
    assert "Book 01 by Le Guin: classic" in first
    assert "Book 02 by Butler: classic fantasy" in first
    assert "Book 03 by Pratchett: classic fantasy humour" in first
    assert "Book 05 by Butler" in first and "Book 06" not in first
    assert "Page 1 of 3 Next" in first and "Previous" not in first

    second = get(books, "/books/?page=2")
    assert "Previous Page 2 of 3 Next" in words(second)
    assert 'href="?page=1" rel="prev"' in body(second) and 'href="?page=3" rel="next"' in body(second)
    assert re.findall(r"Book \d\d", words(second)) == [f"Book {n:02}" for n in range(6, 11)]
    last = words(get(books, "/books/?page=3"))
    assert re.findall(r"Book \d\d", last) == ["Book 11", "Book 12"]
    assert "Previous Page 3 of 3" in last and "Next" not in last


def test_an_empty_list_is_one_empty_page(books):
    delete_books(books)
    empty = get(books, "/books/")
    assert empty.status_code == 200
    assert "Page 1 of" in words(empty) and "Book" not in words(empty).replace("Books", "")
    assert get(books, "/books/?page=2").status_code == 404


def test_the_tag_page_lists_the_books_with_that_tag(books):
    page = words(get(books, "/tags/humour/"))
    assert "Books tagged “humour”" in page
    assert re.findall(r"Book \d\d by \w+", page) == [
        "Book 03 by Pratchett",
        "Book 06 by Pratchett",
        "Book 09 by Pratchett",
        "Book 12 by Pratchett",
    ]
    assert len(re.findall(r"Book \d\d", words(get(books, "/tags/fantasy/")))) == 8
    assert get(books, "/tags/nothing-like-this/").status_code == 404


# Bad page numbers: 404, never 500 ---------------------------------------------------


NOT_PAGES = ["0", "-1", "4", "abc", "1.5", "2e3", "99999999999999999999", "9" * 5000, "%00"]


@pytest.mark.parametrize(
    ("page", "status"), [*((p, 404) for p in NOT_PAGES), ("", 200), ("1", 200), (" 2 ", 200), ("03", 200)]
)
def test_a_page_number_that_reads_as_a_page_is_served_and_any_other_is_404(books, page, status):
    assert get(books, f"/books/?page={page}").status_code == status


def test_only_django_understands_last(books):
    last = get(books, "/books/?page=last")
    if books.framework == "flask":
        assert last.status_code == 404
    else:
        assert "Page 3 of 3" in words(last)


# Counting queries --------------------------------------------------------------------


# (books added to the twelve, the page, how many queries it takes)
QUERIES = [(0, "/books/?page=1", 3), (0, "/books/?page=2", 3), (0, "/books/?page=3", 3), (0, "/tags/fantasy/", 2)]
QUERIES += [(108, f"/books/?page={page}", 3) for page in (1, 12, 24)]


@pytest.mark.parametrize(("more", "path", "count"), QUERIES)
def test_a_page_takes_the_same_few_queries_however_many_books_there_are(books, more, path, count):
    add_books(books, more)
    taken, response = queries(books, path)
    assert (response.status_code, taken) == (200, count)


# Without eager loading, each book costs queries (the figures on the page).
N_PLUS_ONE = {"flask": 10, "django": 12}


def without_eager_loading(site, monkeypatch):
    if site.framework == "flask":
        monkeypatch.setattr(flask_views, "joinedload", lazyload)
        monkeypatch.setattr(flask_views, "selectinload", lazyload)
    else:
        monkeypatch.setattr(django_views.BookListView, "queryset", DjangoBook.objects.order_by("title", "id"))


def test_without_eager_loading_a_page_of_five_books_takes_many_more_queries(books, monkeypatch):
    without_eager_loading(books, monkeypatch)
    count, response = queries(books, "/books/")
    assert response.status_code == 200
    assert "Book 03 by Pratchett: classic fantasy humour" in words(response)
    assert count == N_PLUS_ONE[books.framework]


# The tests the page shows pass, and catch the N+1 --------------------------------------

FLASK_TESTS = EXAMPLES / "relationships" / "flask_tests.py"


def run_flask_tests(monkeypatch) -> int:
    monkeypatch.delitem(sys.modules, "relationships.flask_tests", raising=False)
    return pytest.main([str(FLASK_TESTS), "-q", "-p", "no:django", "-p", "no:pytest_cov", "-p", "no:cacheprovider"])


def run_django_tests() -> unittest.TestResult:
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(django_tests.BookListQueryTests)
    result = unittest.TestResult()
    suite.run(result)
    assert result.testsRun == 1
    return result


def test_the_flask_query_count_tests_pass_and_fail_without_eager_loading(monkeypatch):
    assert run_flask_tests(monkeypatch) == pytest.ExitCode.OK
    monkeypatch.setattr(flask_views, "selectinload", lazyload)
    assert run_flask_tests(monkeypatch) == pytest.ExitCode.TESTS_FAILED


def test_the_django_query_count_test_passes_and_fails_without_eager_loading(monkeypatch):
    result = run_django_tests()
    assert result.wasSuccessful(), result.failures + result.errors
    monkeypatch.setattr(
        django_views.BookListView, "queryset", DjangoBook.objects.select_related("author").order_by("title", "id")
    )
    result = run_django_tests()
    assert not result.wasSuccessful()
    assert "3 != " in str(result.failures) or "queries" in str(result.failures)


# The commands on the page ------------------------------------------------------------


def test_seeding_twice_is_refused_with_a_message(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'twice.sqlite3'}"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-books"]).exit_code == 0
    again = runner.invoke(args=["seed-books"])
    assert again.exit_code == 1 and "already has books" in again.output
    call_command("seed_books", stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has books"):
        call_command("seed_books", stdout=io.StringIO())
    with app.app_context():
        db.engine.dispose()


def test_the_test_commands_on_the_page_name_the_shown_tests():
    """The page's commands run the files tested above (test_testing.py runs such commands for real)."""
    [flask_line] = section("relationships/flask_commands.sh", "test")
    *runner, path = shlex.split(flask_line)
    assert runner == ["python", "-m", "pytest"] and EXAMPLES / path == FLASK_TESTS
    # Its own pytest.ini keeps the repository's settings (coverage, Django) out of the reader's run.
    assert (FLASK_TESTS.parent / "pytest.ini").is_file()
    [django_line] = section("relationships/django_commands.sh", "test")
    *runner, label = shlex.split(django_line)
    assert runner == ["python", "manage.py", "test"] and f"{label}.tests" == django_tests.__name__

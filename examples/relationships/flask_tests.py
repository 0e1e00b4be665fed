"""The book list's query count: `python -m pytest relationships/flask_tests.py`."""

# --8<-- [start:tests]
import pytest

from relationships.flask_app import create_app
from relationships.flask_models import db
from relationships.flask_queries import count_queries


@pytest.fixture
def app():
    # A new in-memory database.
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    # Twelve books, three pages.
    app.test_cli_runner().invoke(args=["seed-books"])
    return app


@pytest.mark.parametrize("page", [1, 2, 3])
def test_a_page_of_books_takes_three_queries(app, page):
    with app.app_context(), count_queries(db.engine) as statements:
        response = app.test_client().get(f"/books/?page={page}")
    assert response.status_code == 200
    # The page's books with their authors, the total, and the tags of
    # those books.
    assert len(statements) == 3, "\n\n".join(statements)
# --8<-- [end:tests]

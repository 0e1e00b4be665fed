"""Tests for flask_app.py, run with pytest: `python -m pytest testing/flask_tests.py`."""

# --8<-- [start:fixture]
import pytest

from testing.flask_app import create_app


@pytest.fixture
def client():
    # A fresh app per test, with its own empty database in memory,
    # and TESTING on so errors surface in the test. CSRF checks off, as
    # Django's test client has them; a browser would post the token.
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "only-for-tests",
        "WTF_CSRF_ENABLED": False,
        "SQLALCHEMY_DATABASE_URI": "sqlite://",
    })
    return app.test_client()
# --8<-- [end:fixture]


# --8<-- [start:tests]
def test_the_list_starts_empty(client):
    response = client.get("/notes/")
    assert response.status_code == 200
    assert "<li>No notes yet.</li>" in response.text


def test_adding_a_note_redirects_to_the_list_that_shows_it(client):
    response = client.post("/notes/", data={"text": "Buy milk"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/notes/"
    assert "<li>Buy milk</li>" in client.get("/notes/").text


def test_an_empty_note_is_refused(client):
    response = client.post("/notes/", data={"text": "   "})
    # The form again, with its error.
    assert response.status_code == 200
    assert "Write something first." in response.text
    assert "<li>No notes yet.</li>" in client.get("/notes/").text
# --8<-- [end:tests]

"""A small JSON API in Flask: list books, fetch one, add one."""

from flask import Blueprint, Flask, abort, request, url_for

api = Blueprint("api", __name__, url_prefix="/api")  # every route below starts with /api

# Kept in memory so the page is about JSON; a real app would use a database.
BOOKS = [
    {"id": 1, "title": "Dune", "year": 1965},
    {"id": 2, "title": "Kindred", "year": 1979},
]


# --8<-- [start:read]
@api.get("/books")
def list_books():
    # A returned dict is sent as JSON, Content-Type application/json.
    return {"books": BOOKS}


@api.get("/books/<int:book_id>")
def get_book(book_id):
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    abort(404, description=f"No book with id {book_id}.")


# app_: for the whole app, not only this blueprint's routes.
@api.app_errorhandler(404)
def not_found(error):
    # Every 404, unknown URLs included, answers in JSON, not HTML.
    return {"error": error.description}, 404


def create_app():
    app = Flask(__name__)
    # A larger body gets 413 before any of it is read as JSON.
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    app.register_blueprint(api)
    return app
# --8<-- [end:read]


# --8<-- [start:create]
def problems_with(data):
    """The validation errors in a new book, by field name."""
    errors = {}
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        errors["title"] = "A non-empty string is required."
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        errors["year"] = "A whole number is required."
    return errors


@api.post("/books")
def create_book():
    try:
        # None if the body is not JSON.
        data = request.get_json(silent=True)
    except RecursionError:
        # "[[[[...]]]]" nested deeper than the parser goes.
        data = None
    if not isinstance(data, dict):
        return {"error": "Send a JSON object."}, 400
    errors = problems_with(data)
    if errors:
        return {"errors": errors}, 422
    book = {
        "id": max(b["id"] for b in BOOKS) + 1,
        "title": data["title"].strip(),
        "year": data["year"],
    }
    BOOKS.append(book)
    location = url_for("api.get_book", book_id=book["id"])
    return book, 201, {"Location": location}
# --8<-- [end:create]

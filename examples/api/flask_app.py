"""A small JSON API in Flask: list books, fetch one, add one."""

from flask import Flask, abort, request, url_for

app = Flask(__name__)

# Kept in memory so the page is about JSON; a real app would use a database.
BOOKS = [
    {"id": 1, "title": "Dune", "year": 1965},
    {"id": 2, "title": "Kindred", "year": 1979},
]


# --8<-- [start:read]
@app.get("/api/books")
def list_books():
    # A dict return value is sent as JSON with Content-Type: application/json.
    return {"books": BOOKS}


@app.get("/api/books/<int:book_id>")
def get_book(book_id):
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    abort(404, description=f"No book with id {book_id}.")


@app.errorhandler(404)
def not_found(error):
    # Every 404, including unknown URLs, answers in JSON instead of HTML.
    return {"error": error.description}, 404
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


@app.post("/api/books")
def create_book():
    data = request.get_json(silent=True)  # None if the body is not JSON
    if not isinstance(data, dict):
        return {"error": "Send a JSON object."}, 400
    errors = problems_with(data)
    if errors:
        return {"errors": errors}, 422
    book = {"id": max(b["id"] for b in BOOKS) + 1, "title": data["title"].strip(), "year": data["year"]}
    BOOKS.append(book)
    return book, 201, {"Location": url_for("get_book", book_id=book["id"])}
# --8<-- [end:create]

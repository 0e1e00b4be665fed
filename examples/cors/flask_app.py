"""A JSON API in Flask that a front end on another origin calls, with Flask-CORS."""

# --8<-- [start:setup]
import os

from flask import Blueprint, Flask, request
from flask_cors import CORS


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        # The front ends that may call the API, from the environment:
        # FLASK_CORS_ORIGINS="https://app.example.com" (several:
        # spaces between). Unset, none may; never "*".
        CORS_ORIGINS=os.environ.get("FLASK_CORS_ORIGINS", "").split(),
        # Their requests may carry cookies, and only theirs.
        CORS_SUPPORTS_CREDENTIALS=True,
        # Only what the front end sends.
        CORS_METHODS=["GET", "POST"],
        CORS_ALLOW_HEADERS=["Content-Type"],
        # A browser may reuse a preflight answer for ten minutes.
        CORS_MAX_AGE=600,
    )
    app.config.from_mapping(config or {})
    app.register_blueprint(api)
    # Only the API's URLs answer other origins.
    CORS(app, resources=r"/api/*")
    return app
# --8<-- [end:setup]


# --8<-- [start:api]
api = Blueprint("api", __name__, url_prefix="/api")

# Kept in memory so the page is about CORS; a real app uses a database.
BOOKS = [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Kindred"}]
# The list stops growing here, so no client can fill the memory.
MAX_BOOKS = 100


@api.get("/books")
def list_books():
    return {"books": BOOKS}


@api.post("/books")
def add_book():
    # JSON only: before another origin may send it, the browser asks
    # (a preflight), and only a listed origin gets a yes.
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        data = None
    title = data.get("title") if isinstance(data, dict) else None
    title = title.strip() if isinstance(title, str) else ""
    if not 0 < len(title) <= 200:
        return {"error": "Send a title of 1 to 200 characters."}, 400
    if len(BOOKS) >= MAX_BOOKS:
        return {"error": "The list is full."}, 409
    book = {"id": len(BOOKS) + 1, "title": title}
    BOOKS.append(book)
    return book, 201
# --8<-- [end:api]

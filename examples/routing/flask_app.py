"""Routing in Flask: static routes, converters, methods, URL building, 404."""

# --8<-- [start:static]
from flask import Blueprint, Flask, abort, redirect, request, url_for
from flask_wtf.csrf import CSRFProtect
from markupsafe import escape
from werkzeug.routing import BaseConverter

# The shop's routes live on a blueprint; create_app() registers it.
shop = Blueprint("shop", __name__)

# A stand-in for a database table, so the example runs on its own.
BOOKS = {1: "Dune", 2: "Emma"}


# GET, and HEAD for free.
@shop.get("/")
def index():
    return "Welcome to the bookshop"


@shop.get("/about/")
def about():
    return "A small shop for second-hand books"


def create_app(config=None):
    app = Flask(__name__)
    # FLASK_SECRET_KEY signs the CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    # A converter must be on the app's URL map before a rule uses it.
    app.url_map.converters["slug"] = SlugConverter
    # A POST needs a token, as in Django.
    CSRFProtect(app)
    app.register_blueprint(shop)
    return app
# --8<-- [end:static]


# --8<-- [start:converters]
class SlugConverter(BaseConverter):
    """Letters, digits, hyphens and underscores, as Django's slug."""

    regex = r"[-a-zA-Z0-9_]+"


@shop.get("/books/<int:book_id>/")
def book_detail(book_id):
    # book_id is already an int; /books/abc/ never reaches this view.
    if book_id not in BOOKS:
        abort(404)
    # A string return is sent as HTML: escape() what a user wrote.
    return f"Book {book_id}: {escape(BOOKS[book_id])}"


@shop.get("/tags/<slug:tag>/")
def tag(tag):
    return f"Books tagged {escape(tag)}"


@shop.get("/files/<path:name>")
def download(name):
    # path matches slashes too: /files/covers/2024/dune.jpg
    return f"File {escape(name)}"
# --8<-- [end:converters]


# --8<-- [start:methods]
@shop.get("/books/")
def book_list():
    return escape(", ".join(BOOKS.values()))


@shop.post("/books/")
def book_create():
    title = request.form.get("title", "").strip()
    if not title:
        abort(400, description="A title is required.")
    book_id = max(BOOKS) + 1
    BOOKS[book_id] = title
    # Send the browser to the new book's page (a GET), so a reload
    # does not post the form twice.
    return redirect(url_for("shop.book_detail", book_id=book_id))
# --8<-- [end:methods]


# --8<-- [start:reverse]
@shop.get("/links/")
def links():
    # url_for takes the endpoint, "blueprint.function", not the path.
    return {
        "about": url_for("shop.about"),
        "dune": url_for("shop.book_detail", book_id=1),
        "tag": url_for("shop.tag", tag="science-fiction"),
        "cover": url_for("shop.download", name="covers/dune.jpg"),
        "search": url_for("shop.book_list", q="emma"),
    }
# --8<-- [end:reverse]

"""Routing in Flask: static routes, converters, methods, URL building, 404."""

# --8<-- [start:static]
from flask import Flask, abort, redirect, request, url_for
from werkzeug.routing import BaseConverter

app = Flask(__name__)

# A stand-in for a database table, so the example runs on its own.
BOOKS = {1: "Dune", 2: "Emma"}


@app.get("/")
def index():
    return "Welcome to the bookshop"


@app.get("/about/")
def about():
    return "A small shop for second-hand books"
# --8<-- [end:static]


# --8<-- [start:converters]
class SlugConverter(BaseConverter):
    """Letters, digits, hyphens and underscores, like Django's slug converter."""

    regex = r"[-a-zA-Z0-9_]+"


app.url_map.converters["slug"] = SlugConverter


@app.get("/books/<int:book_id>/")
def book_detail(book_id):
    # book_id is already an int; /books/abc/ never reaches this function.
    if book_id not in BOOKS:
        abort(404)
    return f"Book {book_id}: {BOOKS[book_id]}"


@app.get("/tags/<slug:tag>/")
def tag(tag):
    return f"Books tagged {tag}"


@app.get("/files/<path:name>")
def download(name):
    # path matches slashes too: /files/covers/2024/dune.jpg
    return f"File {name}"
# --8<-- [end:converters]


# --8<-- [start:methods]
@app.get("/books/")
def book_list():
    return ", ".join(BOOKS.values())


@app.post("/books/")
def book_create():
    book_id = max(BOOKS) + 1
    BOOKS[book_id] = request.form["title"]
    # Send the browser to the new book's page (a GET), so a reload
    # does not post the form twice.
    return redirect(url_for("book_detail", book_id=book_id))
# --8<-- [end:methods]


# --8<-- [start:reverse]
@app.get("/links/")
def links():
    # url_for takes the endpoint: the view function's name, unless you set one.
    return {
        "about": url_for("about"),
        "dune": url_for("book_detail", book_id=1),
        "tag": url_for("tag", tag="science-fiction"),
        "cover": url_for("download", name="covers/dune.jpg"),
        "search": url_for("book_list", q="emma"),
    }
# --8<-- [end:reverse]

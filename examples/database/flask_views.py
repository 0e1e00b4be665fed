from flask import Blueprint, abort, request
from sqlalchemy import select

from .flask_forms import BookForm, BookQuery
from .flask_models import Book, db

books = Blueprint("books", __name__)


# --8<-- [start:create]
@books.post("/books/new")
def add_book():
    # Checks every field and the CSRF token; year becomes an int.
    form = BookForm()
    if not form.validate():
        return {"errors": form.errors}, 400
    book = Book(
        title=form.title.data,
        author=form.author.data,
        year=form.year.data,
    )
    db.session.add(book)
    # The INSERT runs here; book.id is set now.
    db.session.commit()
    return {"id": book.id}, 201
# --8<-- [end:create]


# --8<-- [start:query]
@books.get("/books")
def list_books():
    query = BookQuery(request.args)
    # ?since=abc: say so, instead of ignoring it.
    if not query.validate():
        return {"errors": query.errors}, 400
    statement = select(Book).order_by(Book.year)
    if author := query.author.data:
        statement = statement.where(Book.author == author)
    if (since := query.since.data) is not None:
        statement = statement.where(Book.year >= since)
    # At most 50: an answer does not grow with the table.
    found = db.session.scalars(statement.limit(50))
    return {"books": [f"{book.title} ({book.year})" for book in found]}


@books.get("/books/<int:book_id>")
def show_book(book_id):
    # Past SQLite's integers: it would raise, a 500.
    if book_id >= 2**63:
        abort(404)
    # A 404 page if no row matches.
    book = db.get_or_404(Book, book_id)
    return {
        "title": book.title,
        "author": book.author,
        "year": book.year,
    }
# --8<-- [end:query]

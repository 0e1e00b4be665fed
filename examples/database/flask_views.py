from flask import Blueprint, request
from sqlalchemy import select

from .flask_models import Book, db

books = Blueprint("books", __name__)


# --8<-- [start:create]
@books.post("/books/new")
def add_book():
    book = Book(
        title=request.form["title"],
        author=request.form["author"],
        year=int(request.form["year"]),
    )
    db.session.add(book)
    db.session.commit()  # the INSERT runs here; book.id is set now
    return {"id": book.id}, 201
# --8<-- [end:create]


# --8<-- [start:query]
@books.get("/books")
def list_books():
    query = select(Book).order_by(Book.year)
    if author := request.args.get("author"):
        query = query.where(Book.author == author)
    if since := request.args.get("since", type=int):
        query = query.where(Book.year >= since)
    found = db.session.scalars(query)
    return {"books": [f"{book.title} ({book.year})" for book in found]}


@books.get("/books/<int:book_id>")
def show_book(book_id):
    book = db.get_or_404(Book, book_id)  # a 404 page if no row matches
    return {"title": book.title, "author": book.author, "year": book.year}
# --8<-- [end:query]

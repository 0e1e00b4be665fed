# --8<-- [start:catalog]
from flask import Blueprint, render_template

from ..extensions import db
from .models import Book

# template_folder: this part's own templates, found after the app's
# templates/ folder.
bp = Blueprint(
    "catalog",
    __name__,
    url_prefix="/books",
    template_folder="templates",
)


@bp.get("/")
def book_list():
    # At most 50 rows: a list page does not grow with the table.
    query = db.select(Book).order_by(Book.title).limit(50)
    books = db.session.scalars(query)
    return render_template("catalog/book_list.html", books=books)
# --8<-- [end:catalog]

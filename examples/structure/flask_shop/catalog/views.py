# --8<-- [start:catalog]
from flask import Blueprint, render_template

from ..extensions import db
from .models import Book

# template_folder: this part's own templates, found after the app's templates/ folder.
bp = Blueprint("catalog", __name__, url_prefix="/books", template_folder="templates")


@bp.get("/")
def book_list():
    books = db.session.scalars(db.select(Book).order_by(Book.title))
    return render_template("catalog/book_list.html", books=books)
# --8<-- [end:catalog]

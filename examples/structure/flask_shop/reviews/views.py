# --8<-- [start:reviews]
from flask import Blueprint, abort, current_app, render_template

from ..catalog.models import Book
from ..extensions import db
from .models import Review

bp = Blueprint(
    "reviews",
    __name__,
    url_prefix="/books",
    template_folder="templates",
)


@bp.get("/<int:book_id>/reviews/")
def review_list(book_id):
    # Past 2**63 - 1 SQLite raises OverflowError (a 500); no such book
    # can exist anyway.
    book = db.session.get(Book, book_id) if book_id < 2**63 else None
    if book is None:
        abort(404)
    reviews = db.session.scalars(
        db.select(Review)
        .where(Review.book == book)
        .order_by(Review.rating.desc(), Review.id)
        .limit(current_app.config["REVIEWS_PER_BOOK"])
    )
    return render_template(
        "reviews/review_list.html", book=book, reviews=reviews
    )
# --8<-- [end:reviews]

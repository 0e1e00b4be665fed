"""Templates in Flask: Jinja2 files in templates/, rendered with context from the view."""

# --8<-- [start:filter]
from flask import Blueprint, Flask, render_template

shelf = Blueprint("shelf", __name__)


# app_: every template of the app can use it, not only the blueprint's.
@shelf.app_template_filter("stars")
def stars(rating):
    """4 -> "★★★★☆".

    Usable in every template as {{ book.rating|stars }}.
    """
    return "★" * rating + "☆" * (5 - rating)
# --8<-- [end:filter]


# --8<-- [start:view]
# A stand-in for a database query, so the example runs on its own.
BOOKS = [
    {"title": "dune", "author": "Frank Herbert", "rating": 5},
    {"title": "emma", "author": "Jane Austen", "rating": 4},
    {"title": "the road", "author": "Cormac McCarthy", "rating": 2},
]


@shelf.get("/")
def reading_list():
    return render_template(
        "books.html",
        heading="Reading list",
        books=BOOKS,
        # Text from a user: the template escapes it, so it stays text.
        note="<script>alert('hi')</script> Loved it!",
    )


@shelf.get("/wishlist/")
def wishlist():
    return render_template("books.html", heading="Wishlist", books=[])


def create_app():
    # Flask finds templates/ next to this module.
    app = Flask(__name__)
    app.register_blueprint(shelf)
    return app
# --8<-- [end:view]

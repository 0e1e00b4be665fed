# --8<-- [start:tests]
from structure.flask_shop.catalog.models import Book
from structure.flask_shop.extensions import db
from structure.flask_shop.reviews.models import Review


def test_reviews_are_listed_best_first(client):
    book = Book(title="Kindred", author="Octavia E. Butler")
    db.session.add_all([
        Review(book=book, rating=4, text="Gripping."),
        Review(book=book, rating=5, text="A classic."),
    ])
    db.session.commit()
    html = client.get(f"/books/{book.id}/reviews/").text
    assert html.index("5/5: A classic.") < html.index("4/5: Gripping.")


def test_a_book_that_does_not_exist_is_404(client):
    assert client.get("/books/99/reviews/").status_code == 404
# --8<-- [end:tests]

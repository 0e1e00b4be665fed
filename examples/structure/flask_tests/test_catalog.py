# --8<-- [start:tests]
from structure.flask_shop.catalog.models import Book
from structure.flask_shop.extensions import db


def test_the_list_links_each_book_to_its_reviews(client):
    db.session.add(Book(title="Kindred", author="Octavia E. Butler"))
    db.session.commit()
    html = client.get("/books/").text
    assert '<a href="/books/1/reviews/">Kindred</a>,' in html
    assert "Octavia E. Butler" in html
# --8<-- [end:tests]

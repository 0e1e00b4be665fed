"""Templates in Django: files in django_app/templates/templates/, rendered with context."""

# --8<-- [start:view]
from django.shortcuts import render

# A stand-in for a database query, so the example runs on its own.
BOOKS = [
    {"title": "dune", "author": "Frank Herbert", "rating": 5},
    {"title": "emma", "author": "Jane Austen", "rating": 4},
    {"title": "the road", "author": "Cormac McCarthy", "rating": 2},
]


def reading_list(request):
    return render(request, "templates/books.html", {
        "heading": "Reading list",
        "books": BOOKS,
        # Text from a user: the template escapes it, so it stays text.
        "note": "<script>alert('hi')</script> Loved it!",
    })


def wishlist(request):
    return render(request, "templates/books.html", {"heading": "Wishlist", "books": []})
# --8<-- [end:view]

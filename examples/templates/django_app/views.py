"""Templates in Django: files in django_app/templates/templates/, rendered with context."""

# --8<-- [start:view]
from django.views.generic import TemplateView

# A stand-in for a database query, so the example runs on its own.
BOOKS = [
    {"title": "dune", "author": "Frank Herbert", "rating": 5},
    {"title": "emma", "author": "Jane Austen", "rating": 4},
    {"title": "the road", "author": "Cormac McCarthy", "rating": 2},
]


class ReadingList(TemplateView):
    template_name = "templates/books.html"
    # The same values on every request; get_context_data() would
    # compute them per request.
    extra_context = {
        "heading": "Reading list",
        "books": BOOKS,
        # Text from a user: the template escapes it, so it stays text.
        "note": "<script>alert('hi')</script> Loved it!",
    }


class Wishlist(TemplateView):
    template_name = "templates/books.html"
    extra_context = {"heading": "Wishlist", "books": []}
# --8<-- [end:view]

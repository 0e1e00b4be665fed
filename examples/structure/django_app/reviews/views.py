# --8<-- [start:reviews]
from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from ..catalog.models import Book


class ReviewListView(ListView):
    template_name = "reviews/review_list.html"

    def get_queryset(self):
        self.book = get_object_or_404(Book, pk=self.kwargs["book_id"])
        # An app's own setting, with a default for projects that do not
        # set it.
        limit = getattr(settings, "REVIEWS_PER_BOOK", 20)
        return self.book.reviews.order_by("-rating", "id")[:limit]

    def get_context_data(self, **kwargs):
        return super().get_context_data(book=self.book, **kwargs)
# --8<-- [end:reviews]

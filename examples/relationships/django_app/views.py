from django.views.generic import DetailView, ListView

from .models import Book, Tag


# --8<-- [start:list]
class BookListView(ListView):
    # ?page=2 (or ?page=last) picks a page; anything else is a 404.
    paginate_by = 5
    queryset = (
        # A JOIN: the author comes with each book.
        Book.objects.select_related("author")
        # One more query for the tags of all the page's books.
        .prefetch_related("tags")
        .order_by("title", "id")
    )
# --8<-- [end:list]


# --8<-- [start:filter]
class TagDetailView(DetailView):
    model = Tag
    # /tags/<name>/ looks the tag up by name, or 404.
    slug_field = slug_url_kwarg = "name"

    def get_context_data(self, **kwargs):
        books = (
            # Through the pairs table.
            Book.objects.filter(tags__name=self.object.name)
            .select_related("author")
            .order_by("title")
        )
        return super().get_context_data(books=books, **kwargs)
# --8<-- [end:filter]

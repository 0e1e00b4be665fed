# --8<-- [start:catalog]
from django.views.generic import ListView

from .models import Book


class BookListView(ListView):
    # Template "catalog/book_list.html", found in this app's templates/.
    model = Book
    ordering = "title"
    # A list page does not grow with the table.
    paginate_by = 50
# --8<-- [end:catalog]

# --8<-- [start:catalog]
from django.views.generic import ListView

from .models import Book


class BookListView(ListView):
    model = Book  # template "catalog/book_list.html", found in this app's templates/
    ordering = "title"
    paginate_by = 50  # a list page does not grow with the table
# --8<-- [end:catalog]

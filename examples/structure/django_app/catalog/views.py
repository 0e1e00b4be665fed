# --8<-- [start:catalog]
from django.views.generic import ListView

from .models import Book


class BookListView(ListView):
    model = Book  # template "catalog/book_list.html", found in this app's templates/
    ordering = "title"
# --8<-- [end:catalog]

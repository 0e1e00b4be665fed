"""CRUD in Django: the generic class-based views, with a ModelForm."""

from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.views.generic import CreateView, DeleteView, ListView, UpdateView

from .forms import BookForm
from .models import Book


# --8<-- [start:views]
class BookListView(ListView):
    # Template crud/book_list.html, with object_list.
    model = Book
    ordering = "id"
    # ?page=2 for the next (404 past the last page).
    paginate_by = 20


class BookCreateView(SuccessMessageMixin, CreateView):
    # Template crud/book_form.html, with form.
    model = Book
    form_class = BookForm
    success_url = reverse_lazy("crud:book_list")
    success_message = "Saved “%(title)s”."


class BookUpdateView(SuccessMessageMixin, UpdateView):
    # The pk in the URL picks the row, or answers 404.
    model = Book
    form_class = BookForm
    success_url = reverse_lazy("crud:book_list")
    success_message = "Saved “%(title)s”."


class BookDeleteView(SuccessMessageMixin, DeleteView):
    # GET: crud/book_confirm_delete.html; POST: delete.
    model = Book
    success_url = reverse_lazy("crud:book_list")

    def get_success_message(self, cleaned_data):
        return f"Deleted “{self.object}”."
# --8<-- [end:views]

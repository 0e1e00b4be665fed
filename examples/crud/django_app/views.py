"""CRUD in Django: the generic class-based views, with a ModelForm."""

from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.views.generic import CreateView, DeleteView, ListView, UpdateView

from .forms import BookForm
from .models import Book


# --8<-- [start:views]
class BookListView(ListView):
    model = Book  # template crud/book_list.html, with object_list
    ordering = "id"
    paginate_by = 20  # ?page=2 for the next (404 past the last page)


class BookCreateView(SuccessMessageMixin, CreateView):
    model = Book  # template crud/book_form.html, with form
    form_class = BookForm
    success_url = reverse_lazy("crud:book_list")
    success_message = "Saved “%(title)s”."


class BookUpdateView(SuccessMessageMixin, UpdateView):
    model = Book  # the pk in the URL picks the row, or answers 404
    form_class = BookForm
    success_url = reverse_lazy("crud:book_list")
    success_message = "Saved “%(title)s”."


class BookDeleteView(SuccessMessageMixin, DeleteView):
    model = Book  # GET: crud/book_confirm_delete.html; POST: delete
    success_url = reverse_lazy("crud:book_list")

    def get_success_message(self, cleaned_data):
        return f"Deleted “{self.object}”."
# --8<-- [end:views]

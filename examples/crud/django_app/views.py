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


class InvalidIs422:
    """Show an invalid form again with status 422 rather than 200, as the Flask views do."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


class BookCreateView(SuccessMessageMixin, InvalidIs422, CreateView):
    model = Book  # template crud/book_form.html, with form
    form_class = BookForm
    success_url = reverse_lazy("crud:book_list")
    success_message = "Saved “%(title)s”."


class BookUpdateView(SuccessMessageMixin, InvalidIs422, UpdateView):
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

# --8<-- [start:app]
from django import forms
from django.urls import reverse_lazy
from django.views.generic import CreateView

from .models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        # A CharField strips spaces, so "   " counts as empty.
        fields = ["text"]
        error_messages = {
            "text": {"required": "Write something first."}
        }


class NotesView(CreateView):
    """GET shows the notes and the form.

    A valid POST saves a note and redirects back.
    """

    form_class = NoteForm
    template_name = "testing/notes.html"
    success_url = reverse_lazy("testing:notes")

    def get_context_data(self, **kwargs):
        # The latest 50: a page does not grow with the table.
        notes = Note.objects.order_by("-id")[:50]
        return super().get_context_data(notes=notes, **kwargs)
# --8<-- [end:app]

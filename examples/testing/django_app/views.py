# --8<-- [start:app]
from django import forms
from django.urls import reverse_lazy
from django.views.generic import CreateView

from .models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["text"]  # a CharField strips spaces, so "   " counts as empty
        error_messages = {"text": {"required": "Write something first."}}


class NotesView(CreateView):
    """GET shows the notes and the form; a valid POST saves one and redirects back."""

    form_class = NoteForm
    template_name = "testing/notes.html"
    success_url = reverse_lazy("testing:notes")

    def get_context_data(self, **kwargs):
        return super().get_context_data(notes=Note.objects.order_by("id"), **kwargs)
# --8<-- [end:app]

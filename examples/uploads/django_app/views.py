# --8<-- [start:storage]
from pathlib import Path

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import CreateView

from .forms import DocumentForm
from .models import Document


class UploadView(CreateView):
    form_class = DocumentForm
    template_name = "uploads/upload.html"

    def form_invalid(self, form):  # the form again, with its errors, as a 400
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_success_url(self):
        return reverse("uploads:download", args=[self.object.pk])


class DownloadView(View):
    def get(self, request, pk):
        # Looked up by id, so no name from the URL ever reaches the file system.
        document = get_object_or_404(Document, pk=pk)
        name = Path(document.file.name).name
        return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)
# --8<-- [end:storage]

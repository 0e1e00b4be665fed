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

    def get_success_url(self):
        return reverse("uploads:download", args=[self.object.key])


class DownloadView(View):
    def get(self, request, key):
        # Looked up by its random key, so no name from the URL reaches
        # the file system, and no one can guess another upload's URL.
        document = get_object_or_404(Document, key=key)
        name = Path(document.file.name).name
        return FileResponse(
            document.file.open("rb"), as_attachment=True, filename=name
        )
# --8<-- [end:storage]

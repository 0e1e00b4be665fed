# --8<-- [start:validate]
from pathlib import Path

from django import forms

from .models import Document

# The first bytes of each accepted type. The file's name and the
# Content-Type the browser sent are chosen by the client, so neither
# proves anything.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"%PDF-": ".pdf",
}
# Django has no setting for this: the form checks it.
MAX_FILE_SIZE = 1024 * 1024


def sniff(upload):
    """The real type's extension, or None. Rewinds the file."""
    head = upload.read(8)
    upload.seek(0)
    for magic, ext in SIGNATURES.items():
        if head.startswith(magic):
            return ext
    return None


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["file"]
        labels = {"file": "A PNG, JPEG or PDF file"}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError("Files up to 1024 KiB.")
        extension = sniff(upload)
        if extension is None:
            raise forms.ValidationError(
                "Upload a PNG, JPEG or PDF file."
            )
        # Keep the client's name (the storage cleans it) with the real
        # type's extension.
        upload.name = f"{Path(upload.name).stem[:50]}{extension}"
        return upload
# --8<-- [end:validate]

"""The upload form of the Flask example, and the check of a file's type by its content."""

# --8<-- [start:validate]
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms.validators import ValidationError

# The first bytes of each accepted type. The file's name and the
# Content-Type the browser sent are chosen by the client, so neither
# proves anything.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"%PDF-": ".pdf",
}


def sniff(stream):
    """The real type's extension, or None. Rewinds the stream."""
    head = stream.read(8)
    stream.seek(0)
    for magic, ext in SIGNATURES.items():
        if head.startswith(magic):
            return ext
    return None


# FlaskForm checks the CSRF token too.
class UploadForm(FlaskForm):
    document = FileField(
        "A PNG, JPEG or PDF file", validators=[FileRequired()]
    )

    def validate_document(self, field):
        if sniff(field.data.stream) is None:
            raise ValidationError("Upload a PNG, JPEG or PDF file.")
# --8<-- [end:validate]

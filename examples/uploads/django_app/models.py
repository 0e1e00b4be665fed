# --8<-- [start:storage]
import uuid

from django.db import models


class Document(models.Model):
    # The default storage writes under MEDIA_ROOT, in a folder per
    # month; the column holds the path relative to it.
    file = models.FileField(upload_to="uploads/%Y/%m/")
    uploaded = models.DateTimeField(auto_now_add=True)
    # The download URL names this random key, never the row's id:
    # counting ids up would fetch everyone's files.
    key = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )
# --8<-- [end:storage]

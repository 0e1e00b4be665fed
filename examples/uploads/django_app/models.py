# --8<-- [start:storage]
from django.db import models


class Document(models.Model):
    # The default storage writes under MEDIA_ROOT, in a folder per month; the
    # column holds the path relative to it.
    file = models.FileField(upload_to="uploads/%Y/%m/")
    uploaded = models.DateTimeField(auto_now_add=True)
# --8<-- [end:storage]

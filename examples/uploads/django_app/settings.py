"""Settings for the uploads example: the project's settings plus where files go and upload limits.

Select it with DJANGO_SETTINGS_MODULE=uploads.django_app.settings.
"""

from project.settings import *  # noqa: F403  (the shared base)

# --8<-- [start:limits]
# Where FileField's default storage writes (outside the code), and the
# URL prefix a web server would serve it under; the views here serve
# files themselves.
MEDIA_ROOT = BASE_DIR / "media"  # noqa: F405
MEDIA_URL = "media/"
# Django 5.2 and 6.1 defaults, shown to name them. None limits a
# file's size: the form does (forms.py), and the web server in front
# caps the whole body.
# The non-file fields together (2.5 MiB): larger is a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Files in one request: more is a 400.
DATA_UPLOAD_MAX_NUMBER_FILES = 100
# Fields in one request: more is a 400.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000
# A larger upload is spooled to a temporary file, not refused.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# --8<-- [end:limits]

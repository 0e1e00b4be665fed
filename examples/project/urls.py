"""Root URLs: hello world at /, the admin at /admin/, each topic where its manifest mounts it.

Each examples/<topic>/topic.yml with a django_app/urls.py says where in
`mount:` ("" for the root; macros/topics.py validates it). Read with a pattern,
not a YAML library, so the project needs nothing beyond Django.
"""

import re

from django.contrib import admin
from django.urls import include, path

from .settings import BASE_DIR

MOUNT = re.compile(r"""^mount:[ \t]*(["']?)([^"'\n#]*)\1[ \t]*(?:#.*)?$""", re.M)


def mounts() -> dict[str, str]:
    """{topic: mount} for every topic whose manifest mounts its Django URLs."""
    found = {}
    for manifest in sorted(BASE_DIR.glob("*/topic.yml")):
        match = MOUNT.search(manifest.read_text(encoding="utf-8"))
        if match and (manifest.parent / "django_app" / "urls.py").is_file():
            found[manifest.parent.name] = match.group(2).strip()
    return found


urlpatterns = [
    path("admin/", admin.site.urls),
    *(path(mount, include(f"{topic}.django_app.urls")) for topic, mount in mounts().items()),
]

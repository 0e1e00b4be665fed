"""Root URLs: hello world at /, the admin at /admin/, each topic at /<topic>/."""

from django.contrib import admin
from django.urls import include, path

from .settings import BASE_DIR

TOPICS = sorted(p.parent.parent.name for p in BASE_DIR.glob("*/django_app/urls.py") if p.parent.parent.name != "hello")

# /static/ belongs to STATIC_URL: the development server serves files there
# before any URL pattern is tried, so the static topic's pages live elsewhere.
MOUNTS = {"static": "static-demo/"}

urlpatterns = [
    path("", include("hello.django_app.urls")),
    path("admin/", admin.site.urls),
    *(path(MOUNTS.get(topic, f"{topic}/"), include(f"{topic}.django_app.urls")) for topic in TOPICS),
]

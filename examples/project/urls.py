"""Root URLs: hello world at /, the admin at /admin/, each topic at /<topic>/."""

from django.contrib import admin
from django.urls import include, path

from .settings import BASE_DIR

TOPICS = sorted(p.parent.parent.name for p in BASE_DIR.glob("*/django_app/urls.py") if p.parent.parent.name != "hello")

urlpatterns = [
    path("", include("hello.django_app.urls")),
    path("admin/", admin.site.urls),
    *(path(f"{topic}/", include(f"{topic}.django_app.urls")) for topic in TOPICS),
]

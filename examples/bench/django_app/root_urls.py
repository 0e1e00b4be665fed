# --8<-- [start:admin]
from django.contrib import admin
from django.urls import include, path

# ROOT_URLCONF of the benchmark's settings.
urlpatterns = [
    # With the admin's own sign-in page.
    path("admin/", admin.site.urls),
    path("", include("bench.django_app.urls")),
]
# --8<-- [end:admin]

# --8<-- [start:admin]
from django.contrib import admin
from django.urls import include, path

urlpatterns = [  # ROOT_URLCONF of the benchmark's settings
    path("admin/", admin.site.urls),  # with the admin's own sign-in page
    path("", include("bench.django_app.urls")),
]
# --8<-- [end:admin]

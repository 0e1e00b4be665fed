# --8<-- [start:root]
from django.urls import include, path

urlpatterns = [  # each app brings its own URLs, under its own namespace
    path("books/", include("structure.django_app.catalog.urls")),
    path("books/", include("structure.django_app.reviews.urls")),
]
# --8<-- [end:root]

# --8<-- [start:root]
from django.urls import include, path

# Each app brings its own URLs, under its own namespace.
urlpatterns = [
    path("books/", include("structure.django_app.catalog.urls")),
    path("books/", include("structure.django_app.reviews.urls")),
]
# --8<-- [end:root]

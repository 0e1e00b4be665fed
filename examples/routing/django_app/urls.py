# --8<-- [start:static]
from django.urls import path

from . import views

# A namespace, so names never clash with other apps.
app_name = "routing"

urlpatterns = [
    path("", views.index, name="index"),
    path("about/", views.about, name="about"),
    # --8<-- [start:converters]
    path("books/<int:book_id>/", views.book_detail, name="book-detail"),
    path("tags/<slug:tag>/", views.tag, name="tag"),
    path("files/<path:name>", views.download, name="download"),
    # --8<-- [end:converters]
    # --8<-- [start:methods]
    path("books/", views.BookList.as_view(), name="book-list"),
    # --8<-- [end:methods]
    # --8<-- [start:reverse]
    path("links/", views.links, name="links"),
    # --8<-- [end:reverse]
]
# --8<-- [end:static]

# --8<-- [start:app]
from django.urls import path

from . import views

app_name = "relationships"
urlpatterns = [
    path("books/", views.BookListView.as_view(), name="book_list"),
    path(
        "tags/<str:name>/",
        views.TagDetailView.as_view(),
        name="tag_detail",
    ),
]
# --8<-- [end:app]

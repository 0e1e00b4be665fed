# --8<-- [start:urls]
from django.urls import path

from . import views

app_name = "crud"
urlpatterns = [
    path("books/", views.BookListView.as_view(), name="book_list"),
    path(
        "books/new/",
        views.BookCreateView.as_view(),
        name="book_create",
    ),
    path(
        "books/<int:pk>/edit/",
        views.BookUpdateView.as_view(),
        name="book_update",
    ),
    path(
        "books/<int:pk>/delete/",
        views.BookDeleteView.as_view(),
        name="book_delete",
    ),
]
# --8<-- [end:urls]

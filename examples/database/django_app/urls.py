# --8<-- [start:query]
from django.urls import path

from . import views

# The project's URLs mount these at /database/.
urlpatterns = [
    path("books/new/", views.add_book, name="add_book"),
    path("books/", views.list_books, name="list_books"),
    path("books/<int:book_id>/", views.show_book, name="show_book"),
]
# --8<-- [end:query]

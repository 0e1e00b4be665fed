# --8<-- [start:read]
from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("books/", views.books, name="books"),
    path("books/<int:book_id>/", views.book, name="book"),
]
# --8<-- [end:read]

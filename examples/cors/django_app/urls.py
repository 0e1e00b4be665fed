# --8<-- [start:api]
from django.urls import path

from . import views

app_name = "cors"
urlpatterns = [
    path("api/books/", views.BookList.as_view(), name="books"),
]
# --8<-- [end:api]

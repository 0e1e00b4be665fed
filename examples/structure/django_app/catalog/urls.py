# --8<-- [start:catalog]
from django.urls import path

from .views import BookListView

app_name = "catalog"  # names are "catalog:book_list", across the whole project
urlpatterns = [path("", BookListView.as_view(), name="book_list")]
# --8<-- [end:catalog]

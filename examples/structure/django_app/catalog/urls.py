# --8<-- [start:catalog]
from django.urls import path

from .views import BookListView

# Names are "catalog:book_list", across the whole project.
app_name = "catalog"
urlpatterns = [path("", BookListView.as_view(), name="book_list")]
# --8<-- [end:catalog]

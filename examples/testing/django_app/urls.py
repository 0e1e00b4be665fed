# --8<-- [start:app]
from django.urls import path

from . import views

app_name = "testing"
urlpatterns = [
    path("notes/", views.NotesView.as_view(), name="notes"),
]
# --8<-- [end:app]

# --8<-- [start:app]
from django.urls import path

from . import views

app_name = "testing"
urlpatterns = [
    path("notes/", views.notes, name="notes"),
]
# --8<-- [end:app]

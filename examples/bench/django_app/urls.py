# --8<-- [start:endpoints]
from django.urls import path

from . import views

urlpatterns = [
    path("text/", views.text),
    path("json/", views.json_view),
    path("page/", views.page),
    path("books/", views.books),
    path("wait/", views.wait),
]
# --8<-- [end:endpoints]

# --8<-- [start:view]
from django.urls import path

from . import views

app_name = "static"
urlpatterns = [
    path("", views.page, name="page"),
]
# --8<-- [end:view]

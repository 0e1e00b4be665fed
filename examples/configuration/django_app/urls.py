# --8<-- [start:read]
from django.urls import path

from . import views

app_name = "configuration"
urlpatterns = [
    path("", views.show_settings, name="show_settings"),
]
# --8<-- [end:read]

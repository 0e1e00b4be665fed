# --8<-- [start:view]
from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("checksum/<str:text>", views.checksum_view, name="checksum"),
]
# --8<-- [end:view]

# --8<-- [start:view]
from django.urls import path

from . import views

app_name = "templates"

urlpatterns = [
    path("", views.ReadingList.as_view(), name="reading-list"),
    path("wishlist/", views.Wishlist.as_view(), name="wishlist"),
]
# --8<-- [end:view]

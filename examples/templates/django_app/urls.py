# --8<-- [start:view]
from django.urls import path

from . import views

app_name = "templates"

urlpatterns = [
    path("", views.reading_list, name="reading-list"),
    path("wishlist/", views.wishlist, name="wishlist"),
]
# --8<-- [end:view]

# --8<-- [start:reviews]
from django.urls import path

from .views import ReviewListView

app_name = "reviews"
urlpatterns = [
    path(
        "<int:book_id>/reviews/",
        ReviewListView.as_view(),
        name="review_list",
    ),
]
# --8<-- [end:reviews]

# --8<-- [start:views]
from django.urls import path

from .views import BoomView, OrderView

app_name = "logs"
urlpatterns = [
    path("orders/<int:order_id>/", OrderView.as_view(), name="order"),
    path("boom/", BoomView.as_view(), name="boom"),
]
# --8<-- [end:views]

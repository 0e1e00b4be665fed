# --8<-- [start:custom]
from django.urls import path

from .views import OrderCreate

app_name = "signals"
urlpatterns = [
    # GET lists the orders with an empty form; POST places one.
    path("orders/", OrderCreate.as_view(), name="orders"),
]
# --8<-- [end:custom]

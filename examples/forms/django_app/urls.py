# --8<-- [start:view]
from django.urls import path

from . import views

app_name = "forms"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("thanks/", views.thanks, name="thanks"),
]
# --8<-- [end:view]

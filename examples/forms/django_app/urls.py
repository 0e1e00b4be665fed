# --8<-- [start:view]
from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "forms"

urlpatterns = [
    path("signup/", views.SignupView.as_view(), name="signup"),
    # A page that only renders a template needs no view code of its own.
    path(
        "thanks/",
        TemplateView.as_view(template_name="forms/thanks.html"),
        name="thanks",
    ),
]
# --8<-- [end:view]

# --8<-- [start:views]
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

# What the two pages that only say something say.
SENT = "If an account uses that address, we have sent it a link."
DONE = "Your password is set. You can sign in with it."

app_name = "password_reset"
urlpatterns = [
    path("reset/", views.ResetView.as_view(), name="reset"),
    path(
        "reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="password_reset/message.html",
            extra_context={"message": SENT},
        ),
        name="sent",
    ),
    # The view checks the token, keeps it in the session and redirects
    # to .../set-password/, so the token never sits in a URL a page
    # could leak.
    path(
        "reset/<uidb64>/<token>/",
        views.ConfirmView.as_view(),
        name="confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="password_reset/message.html",
            extra_context={"message": DONE},
        ),
        name="done",
    ),
    path("login/", views.LoginView.as_view(), name="login"),
    path("account/", views.AccountView.as_view(), name="account"),
]
# --8<-- [end:views]

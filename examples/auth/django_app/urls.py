# --8<-- [start:login]
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "auth"
urlpatterns = [
    # LoginView checks the password, rotates the session id, and
    # follows a safe ?next=.
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="auth/login.html",
            next_page="auth:private",
        ),
        name="login",
    ),
    # LogoutView accepts POST only and deletes the whole session.
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page="auth:login"),
        name="logout",
    ),
    path("private/", views.PrivateView.as_view(), name="private"),
]
# --8<-- [end:login]

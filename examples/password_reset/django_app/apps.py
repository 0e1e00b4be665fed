from django.apps import AppConfig


class PasswordResetConfig(AppConfig):
    # Installed for its templates.
    name = "password_reset.django_app"
    label = "password_reset"

from django.apps import AppConfig


class SecurityConfig(AppConfig):
    # Installed so that Django finds templates/security/.
    name = "security.django_app"
    label = "security"

from django.apps import AppConfig


class ApiFrameworksConfig(AppConfig):
    name = "api_frameworks.django_app"
    label = "api_frameworks"
    default_auto_field = "django.db.models.BigAutoField"

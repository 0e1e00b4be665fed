from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "uploads.django_app"
    label = "uploads"
    default_auto_field = "django.db.models.BigAutoField"

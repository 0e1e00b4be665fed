from django.apps import AppConfig


class AdminDemoConfig(AppConfig):
    # The label cannot be "admin": django.contrib.admin has it.
    name = "admin.django_app"
    label = "admin_demo"
    default_auto_field = "django.db.models.BigAutoField"

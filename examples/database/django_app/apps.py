# --8<-- [start:setup]
from django.apps import AppConfig


class DatabaseConfig(AppConfig):
    name = "database.django_app"  # the package
    label = "database"  # the short name: table prefix, makemigrations argument
    default_auto_field = "django.db.models.BigAutoField"
# --8<-- [end:setup]

# --8<-- [start:setup]
from django.apps import AppConfig


class DatabaseConfig(AppConfig):
    # The package.
    name = "database.django_app"
    # The short name: the tables' prefix, makemigrations' argument.
    label = "database"
    default_auto_field = "django.db.models.BigAutoField"
# --8<-- [end:setup]

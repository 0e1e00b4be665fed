# --8<-- [start:app]
from django.apps import AppConfig


class CrudConfig(AppConfig):
    # Listed in INSTALLED_APPS; CSRF checks come from the default
    # MIDDLEWARE.
    name = "crud.django_app"
    # Table names start with "crud_"; templates live in templates/crud/.
    label = "crud"
    default_auto_field = "django.db.models.BigAutoField"
# --8<-- [end:app]

# --8<-- [start:signals]
from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "signals.django_app"
    label = "signals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the module connects its @receiver functions, once,
        # at start-up.
        from . import receivers  # noqa: F401
# --8<-- [end:signals]

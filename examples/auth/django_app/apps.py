# --8<-- [start:setup]
from django.apps import AppConfig


class AuthDemoConfig(AppConfig):
    # Installed for its templates. The label cannot be "auth":
    # django.contrib.auth has it.
    name = "auth.django_app"
    label = "auth_demo"
# --8<-- [end:setup]

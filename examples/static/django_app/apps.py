from django.apps import AppConfig


class StaticConfig(AppConfig):
    # Installed so that its templates/ and static/ folders are found.
    name = "static.django_app"
    label = "static"

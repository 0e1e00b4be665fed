from django.apps import AppConfig


class TestingConfig(AppConfig):
    # Installed for its model and templates; the label names its database tables.
    name = "testing.django_app"
    label = "testing"

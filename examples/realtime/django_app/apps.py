from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    # Installed for its templates.
    name = "realtime.django_app"
    label = "realtime"

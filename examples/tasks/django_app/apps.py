from django.apps import AppConfig


class TasksDemoConfig(AppConfig):
    # Installed for its templates.
    name = "tasks.django_app"
    label = "tasks_demo"

from django.apps import AppConfig


class CliConfig(AppConfig):
    # Installing the app is what makes manage.py find its management commands.
    name = "cli.django_app"
    label = "cli"

from django.apps import AppConfig


class TemplatesConfig(AppConfig):
    # Installed so Django finds this app's templates/ folder and templatetags.
    name = "templates.django_app"
    label = "templates"

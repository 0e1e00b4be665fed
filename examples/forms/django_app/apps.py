from django.apps import AppConfig


class FormsConfig(AppConfig):
    # Installed so Django finds this app's templates/ folder.
    name = "forms.django_app"
    label = "forms"

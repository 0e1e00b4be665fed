from django.apps import AppConfig


class I18nConfig(AppConfig):
    # Installed so that Django finds its templates and its locale/ folder.
    name = "i18n.django_app"
    label = "i18n"

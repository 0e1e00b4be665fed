from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    name = "relationships.django_app"
    label = "relationships"
    default_auto_field = "django.db.models.BigAutoField"

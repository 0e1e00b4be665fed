# --8<-- [start:catalog]
from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "structure.django_app.catalog"  # the label defaults to "catalog"
# --8<-- [end:catalog]

# --8<-- [start:catalog]
from django.apps import AppConfig


class CatalogConfig(AppConfig):
    # The label defaults to "catalog".
    name = "structure.django_app.catalog"
# --8<-- [end:catalog]

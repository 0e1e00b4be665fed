# --8<-- [start:app]
from django.urls import path

from .api import api

# --8<-- [start:swagger_ui]
# /api/docs: Swagger UI, served from Django Ninja's own copy of its
# files when "ninja" is in INSTALLED_APPS (the settings lines under
# "Run it"); without it, from jsDelivr with no integrity check.
urlpatterns = [
    # The endpoints, /api/openapi.json and /api/docs.
    path("api/", api.urls),
]
# --8<-- [end:swagger_ui]
# --8<-- [end:app]

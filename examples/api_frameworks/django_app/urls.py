# --8<-- [start:app]
from django.urls import path

from .api import api

urlpatterns = [
    path("api/", api.urls),  # the endpoints, /api/openapi.json and /api/docs
]
# --8<-- [end:app]

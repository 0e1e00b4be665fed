# --8<-- [start:storage]
from django.urls import path

from .views import DownloadView, UploadView

app_name = "uploads"
urlpatterns = [
    path("", UploadView.as_view(), name="upload"),
    path("files/<uuid:key>/", DownloadView.as_view(), name="download"),
]
# --8<-- [end:storage]

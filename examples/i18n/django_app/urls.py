# --8<-- [start:select]
from django.urls import path

from .views import IndexView

app_name = "i18n"
urlpatterns = [path("", IndexView.as_view(), name="index")]
# --8<-- [end:select]

from django.urls import path

from . import views

app_name = "realtime"

# --8<-- [start:page]
urlpatterns = [
    # The project mounts these at /realtime/.
    path("", views.ChatView.as_view(), name="chat"),
]
# --8<-- [end:page]

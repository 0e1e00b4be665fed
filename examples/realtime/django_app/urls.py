from django.urls import path

from . import views

app_name = "realtime"

# --8<-- [start:page]
urlpatterns = [
    path("", views.ChatView.as_view(), name="chat"),  # mounted at /realtime/
]
# --8<-- [end:page]

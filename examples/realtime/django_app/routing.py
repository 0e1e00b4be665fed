from django.urls import path

from .consumers import ChatConsumer

# --8<-- [start:routing]
websocket_urlpatterns = [
    path("ws/chat/", ChatConsumer.as_asgi()),
]
# --8<-- [end:routing]

from django.urls import path

from .consumers import ChatConsumer

# --8<-- [start:setup]
websocket_urlpatterns = [
    path("ws/chat/", ChatConsumer.as_asgi()),
]
# --8<-- [end:setup]

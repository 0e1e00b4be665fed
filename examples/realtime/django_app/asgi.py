"""The ASGI entry point that serves both HTTP and WebSocket: `uvicorn realtime.django_app.asgi:application`."""

# --8<-- [start:setup]
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", "realtime.django_app.settings"
)
# This sets Django up: import Channels after it.
http_application = get_asgi_application()

# ruff: noqa: E402
from channels.auth import AuthMiddlewareStack
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator

from .routing import websocket_urlpatterns

application = ProtocolTypeRouter({
    "http": http_application,
    # Refuse handshakes whose Origin is not in ALLOWED_HOSTS, then read
    # the session cookie into scope["user"], then route by path.
    "websocket": AllowedHostsOriginValidator(
        AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
    ),
})
# --8<-- [end:setup]

"""The ASGI entry point that serves both HTTP and WebSocket: `uvicorn realtime.django_app.asgi:application`."""

# --8<-- [start:setup]
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "realtime.django_app.settings")
http_application = get_asgi_application()  # sets Django up: import Channels after it

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from .routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter({
    "http": http_application,
    # Refuse handshakes whose Origin is not in ALLOWED_HOSTS, then read the
    # session cookie into scope["user"], then route by path.
    "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
})
# --8<-- [end:setup]

"""Real-time chat in Flask with Flask-SocketIO: one room, broadcast through Redis."""

# --8<-- [start:setup]
import os

from flask import Flask
from flask_socketio import SocketIO

socketio = SocketIO()


def create_app(config=None):
    app = Flask(__name__)
    # FLASK_SECRET_KEY becomes SECRET_KEY: it signs the session cookie.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )

    from .flask_events import chat

    app.register_blueprint(chat)
    socketio.init_app(
        app,
        # Every server process publishes to Redis and hears the others,
        # so a message reaches clients connected to any of them.
        message_queue=os.environ.get(
            "REDIS_URL", "redis://127.0.0.1:6379/0"
        ),
        # cors_allowed_origins is left at its default: a browser page
        # from any other origin than this app's own is refused (400).
        # A larger message closes the connection (default: 1 MB).
        max_http_buffer_size=64 * 1024,
    )
    return app
# --8<-- [end:setup]

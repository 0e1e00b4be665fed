"""The project's settings plus a channel layer: select with DJANGO_SETTINGS_MODULE=realtime.django_app.settings."""

# --8<-- [start:setup]
import os

# The project's settings, plus the channel layer.
from project.settings import *  # noqa: F403

# The channel layer carries group messages between consumers, in this
# process and in every other server process.
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            "hosts": [
                os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
            ],
        },
    }
}
# --8<-- [end:setup]

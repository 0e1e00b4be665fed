"""The project's settings plus a Redis cache: select with --settings caching.django_app.settings."""

# --8<-- [start:setup]
import os

from project.settings import *  # noqa: F403  (the project's settings, plus the cache below)

CACHES = {
    "default": {
        # Built into Django since 4.0; needs the redis package installed.
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "KEY_PREFIX": "shop",
        "TIMEOUT": 300,  # seconds, for entries set without a timeout
    }
}
# --8<-- [end:setup]

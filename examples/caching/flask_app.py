"""Caching in Flask with Flask-Caching on Redis: a cached page and cached objects."""

# --8<-- [start:setup]
import os

from flask import Flask, abort, request
from flask_caching import Cache
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

cache = Cache()
db = SQLAlchemy()
csrf = CSRFProtect()


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI="sqlite:///shop.sqlite3",
        # One Redis shared by every worker process, so a cached page
        # or a deleted key is seen by all of them.
        CACHE_TYPE="RedisCache",
        CACHE_REDIS_URL=os.environ.get(
            "REDIS_URL", "redis://127.0.0.1:6379/0"
        ),
        CACHE_KEY_PREFIX="shop:",
        # Seconds, for entries set without a timeout.
        CACHE_DEFAULT_TIMEOUT=300,
    )
    # For example FLASK_SQLALCHEMY_DATABASE_URI=postgresql://...
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    db.init_app(app)
    cache.init_app(app)
    csrf.init_app(app)

    from .flask_views import shop

    app.register_blueprint(shop)
    with app.app_context():
        db.create_all()

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:setup]

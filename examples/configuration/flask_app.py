"""Configuration in Flask: defaults in classes, overrides from FLASK_* environment variables."""

import os

from flask import Blueprint, Flask, current_app


# --8<-- [start:sources]
class Config:
    """Development defaults: safe to commit, never for production."""

    SECRET_KEY = "dev-only-not-secret"
    GREETING = "Hello"
    ITEMS_PER_PAGE = 20


class ProductionConfig(Config):
    # No default: it must come from FLASK_SECRET_KEY.
    SECRET_KEY = None
    SESSION_COOKIE_SECURE = True
    ITEMS_PER_PAGE = 50


CONFIGS = {"development": Config, "production": ProductionConfig}


def create_app(environment=None):
    # app.config starts with Flask's own defaults.
    app = Flask(__name__)
    # Production unless told otherwise: a forgotten APP_ENV gets the
    # strict class, which refuses to start without a real key, never
    # the development key.
    environment = environment or os.environ.get("APP_ENV", "production")
    # Then the class for this environment.
    app.config.from_object(CONFIGS[environment])
    # Then FLASK_*: FLASK_ITEMS_PER_PAGE=30 sets ITEMS_PER_PAGE to 30.
    app.config.from_prefixed_env()
    if not app.config["SECRET_KEY"]:
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    app.register_blueprint(pages)
    return app
# --8<-- [end:sources]


# --8<-- [start:read]
# create_app() registers it.
pages = Blueprint("pages", __name__)


@pages.get("/")
def show_settings():
    # current_app is the app handling this request, whichever
    # create_app() built.
    config = current_app.config
    return {
        "debug": current_app.debug,
        "greeting": config["GREETING"],
        "items_per_page": config["ITEMS_PER_PAGE"],
    }
# --8<-- [end:read]

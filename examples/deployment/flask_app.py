"""A Flask app factory for production: configuration from the environment, behind a proxy."""

# --8<-- [start:settings]
from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix


def create_app():
    app = Flask(__name__)
    app.config.update(
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PREFERRED_URL_SCHEME="https",
    )
    # FLASK_SECRET_KEY becomes SECRET_KEY, FLASK_MAX_CONTENT_LENGTH
    # becomes MAX_CONTENT_LENGTH, and so on; values that parse as JSON
    # are converted. To rotate the key, move the old one to
    # FLASK_SECRET_KEY_FALLBACKS as a JSON list ('["old-key"]'):
    # sessions signed with it stay valid.
    app.config.from_prefixed_env()
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )

    # The proxy in front terminates TLS: trust one hop of its
    # X-Forwarded-For and X-Forwarded-Proto headers.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)

    @app.get("/")
    def index():
        return {
            "status": "ok",
            "scheme": request.scheme,
            "debug": app.debug,
        }

    return app
# --8<-- [end:settings]

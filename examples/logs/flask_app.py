"""Logging in Flask: dictConfig before the app, a request id on every line, and what a 500 logs."""

import logging
import re
import uuid
from logging.config import dictConfig

from flask import Blueprint, Flask, current_app, g, has_request_context, request

bp = Blueprint("logs", __name__)


# --8<-- [start:config]
class RequestIdFilter(logging.Filter):
    """Give every record a request_id: the current request's, or "-"
    outside a request."""

    def filter(self, record):
        record.request_id = "-"
        if has_request_context():
            record.request_id = g.get("request_id", "-")
        return True


LOGGING = {
    "version": 1,
    # Keep the loggers that libraries have already made.
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": RequestIdFilter}},
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s]"
            " %(name)s: %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"level": "INFO", "handlers": ["console"]},
}


def create_app(config=None):
    # First, before Flask(): with a handler on the root logger,
    # app.logger adds none of its own.
    dictConfig(LOGGING)
    app = Flask(__name__)
    app.config.update(config or {})
    app.register_blueprint(bp)
    return app
# --8<-- [end:config]


# --8<-- [start:request_id]
# An id from the proxy in front is kept if it looks like one; anything
# else is replaced.
SAFE_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


@bp.before_app_request
def assign_request_id():
    incoming = request.headers.get("X-Request-ID", "")
    if SAFE_ID.fullmatch(incoming):
        g.request_id = incoming
    else:
        g.request_id = uuid.uuid4().hex


# Runs for error responses too, so a 500 carries its id.
@bp.after_app_request
def send_request_id(response):
    response.headers["X-Request-ID"] = g.request_id
    return response
# --8<-- [end:request_id]


# --8<-- [start:views]
@bp.get("/orders/<int:order_id>")
def order(order_id):
    current_app.logger.info("showing order %s", order_id)
    return {"id": order_id}


@bp.get("/boom")
def boom():
    current_app.logger.info("about to fail")
    # A bug: production answers 500 and logs the traceback.
    return {"ratio": 1 / 0}
# --8<-- [end:views]

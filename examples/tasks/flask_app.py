"""Background tasks in Flask with Flask-RQ: the web app enqueues, an RQ worker runs."""

# --8<-- [start:setup]
import os

from flask import Flask, abort, request
from flask_rq import RQ
from flask_wtf.csrf import CSRFProtect

rq = RQ()
csrf = CSRFProtect()


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        # The broker: the app pushes jobs, `flask rq worker` pops them.
        RQ_CONNECTION=os.environ.get(
            "REDIS_URL", "redis://127.0.0.1:6379/0"
        ),
        RQ_QUEUES=["default"],
    )
    # FLASK_SECRET_KEY becomes SECRET_KEY: it signs the CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    # Adds the `flask rq worker` command.
    rq.init_app(app)
    csrf.init_app(app)

    from .flask_views import reports

    app.register_blueprint(reports)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:setup]

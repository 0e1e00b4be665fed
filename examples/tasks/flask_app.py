"""Background tasks in Flask with Flask-RQ: the web app enqueues, an RQ worker runs."""

# --8<-- [start:setup]
import os

from flask import Flask
from flask_rq import RQ
from flask_wtf.csrf import CSRFProtect

rq = RQ()
csrf = CSRFProtect()


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ.get("FLASK_SECRET_KEY", "dev-only-not-secret"),
        # The broker: the web app pushes jobs here, `flask rq worker` pops them.
        RQ_CONNECTION=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        RQ_QUEUES=["default"],
    )
    app.config.update(config or {})
    rq.init_app(app)  # adds the `flask rq worker` command
    csrf.init_app(app)

    from .flask_views import reports

    app.register_blueprint(reports)
    return app
# --8<-- [end:setup]

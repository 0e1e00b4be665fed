"""CRUD in Flask: one model, generic MethodView classes, Flask-WTF forms with CSRF checks."""

# --8<-- [start:app]
from flask import Flask, abort, request
from flask_wtf.csrf import CSRFProtect

from .flask_models import db
from .flask_views import books


def create_app(config=None):
    app = Flask(__name__)
    # A relative SQLite path is in instance/.
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///crud.sqlite3"
    # FLASK_SECRET_KEY becomes SECRET_KEY, and so on.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set FLASK_SECRET_KEY: it signs the session and the CSRF"
            " tokens."
        )
    # Every POST needs the form's token, or gets 400.
    CSRFProtect(app)
    db.init_app(app)
    with app.app_context():
        # A real app runs Flask-Migrate instead (see the Database page).
        db.create_all()
    app.register_blueprint(books)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:app]

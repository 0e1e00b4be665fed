# --8<-- [start:setup]
from flask import Flask, abort, request
from flask_migrate import Migrate

from .flask_models import db
from .flask_views import books

migrate = Migrate()


def create_app(config=None):
    app = Flask(__name__)
    # A relative SQLite path lands in the app's instance folder.
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///books.sqlite3"
    # FLASK_SQLALCHEMY_DATABASE_URI=postgresql://... overrides it.
    # FLASK_SECRET_KEY signs the forms' CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    db.init_app(app)
    # Adds the "flask db" commands.
    migrate.init_app(app, db)
    app.register_blueprint(books)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:setup]

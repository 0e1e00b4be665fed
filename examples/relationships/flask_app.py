# --8<-- [start:app]
from flask import Flask

from .flask_models import db
from .flask_views import books


def create_app(config=None):
    app = Flask(__name__)
    # A relative SQLite path is in instance/.
    app.config["SQLALCHEMY_DATABASE_URI"] = (
        "sqlite:///relationships.sqlite3"
    )
    app.config.from_prefixed_env()
    app.config.update(config or {})
    db.init_app(app)
    with app.app_context():
        # A real app runs Flask-Migrate instead (see the Database page).
        db.create_all()
    app.register_blueprint(books)
    return app
# --8<-- [end:app]

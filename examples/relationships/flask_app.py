# --8<-- [start:app]
from flask import Flask

from .flask_models import db
from .flask_views import books


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///relationships.sqlite3"  # in instance/
    app.config.from_prefixed_env()
    app.config.update(config or {})
    db.init_app(app)
    with app.app_context():
        db.create_all()  # a real app runs Flask-Migrate instead (see the Database page)
    app.register_blueprint(books)
    return app
# --8<-- [end:app]

"""The bookshop: a package whose create_app() builds the app from its parts."""

# --8<-- [start:root]
from flask import Flask

from .extensions import db


def create_app(config=None):
    app = Flask(__name__)
    # The defaults, then FLASK_* environment variables, then whatever
    # the caller (a test) passes.
    app.config.from_object("structure.flask_shop.config.Config")
    app.config.from_prefixed_env()
    app.config.update(config or {})

    # Created once in extensions.py, bound to each app here.
    db.init_app(app)

    # Imported here, not at the top: the parts import db from this
    # package.
    from .catalog.views import bp as catalog
    from .reviews.views import bp as reviews

    app.register_blueprint(catalog)
    app.register_blueprint(reviews)

    with app.app_context():
        # A real app runs Flask-Migrate instead (see the Database page).
        db.create_all()
    return app
# --8<-- [end:root]

# --8<-- [start:app]
from flask import Flask
from flask_smorest import Api

from .flask_models import db
from .flask_views import books

# The exact version templates/swagger_ui.html holds the hashes of.
SWAGGER_UI = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.36.0/"


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI="sqlite:///api_frameworks.sqlite3",  # in instance/
        API_TITLE="Books",
        API_VERSION="1.0.0",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/api",  # the spec at /api/openapi.json
        OPENAPI_SWAGGER_UI_PATH="/docs",  # interactive docs at /api/docs
        # Swagger UI's files from a CDN, an exact version (see the page).
        OPENAPI_SWAGGER_UI_URL=SWAGGER_UI,
        # A larger body answers 413 before anything parses it.
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config.from_prefixed_env()
    app.config.update(config or {})
    db.init_app(app)
    with app.app_context():
        db.create_all()  # a real app runs Flask-Migrate instead (see the Database page)
    api = Api(app)  # JSON error bodies for every HTTP error, and the spec
    api.register_blueprint(books)
    return app
# --8<-- [end:app]

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
        # The file goes in the instance/ folder.
        SQLALCHEMY_DATABASE_URI="sqlite:///api_frameworks.sqlite3",
        API_TITLE="Books",
        API_VERSION="1.0.0",
        OPENAPI_VERSION="3.1.0",
        # The spec at /api/openapi.json, interactive docs at /api/docs.
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        # Swagger UI's files from a CDN, one exact version.
        OPENAPI_SWAGGER_UI_URL=SWAGGER_UI,
        # A larger body answers 413 before anything parses it.
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config.from_prefixed_env()
    app.config.update(config or {})
    db.init_app(app)
    with app.app_context():
        # A real app runs Flask-Migrate instead (see the Database page).
        db.create_all()
    # JSON error bodies for every HTTP error, and the spec.
    api = Api(app)
    api.register_blueprint(books)
    return app
# --8<-- [end:app]

# --8<-- [start:tests]
import pytest

from structure.flask_shop import create_app
from structure.flask_shop.extensions import db


@pytest.fixture
def app():
    # A new app per test, on its own in-memory database: no test sees
    # another's rows.
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}
    )
    # So a test can use db.session directly.
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()
# --8<-- [end:tests]

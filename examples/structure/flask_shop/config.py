# --8<-- [start:root]
class Config:
    """Defaults for every environment; FLASK_* variables override them."""

    SQLALCHEMY_DATABASE_URI = "sqlite:///shop.sqlite3"  # in instance/
    REVIEWS_PER_BOOK = 20
# --8<-- [end:root]

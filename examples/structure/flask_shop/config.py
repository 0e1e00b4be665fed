# --8<-- [start:root]
class Config:
    """Defaults for every environment; FLASK_* variables win."""

    # A relative SQLite path is in instance/.
    SQLALCHEMY_DATABASE_URI = "sqlite:///shop.sqlite3"
    REVIEWS_PER_BOOK = 20
# --8<-- [end:root]

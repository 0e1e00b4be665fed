"""The user model of the Flask password-reset example."""

# --8<-- [start:tokens]
import hashlib

from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from werkzeug.security import (
    check_password_hash,
    generate_password_hash,
)


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))

    def set_password(self, password):
        # Salted: a new hash every time.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    def fingerprint(self):
        """Changes whenever the password does."""
        digest = hashlib.sha256(self.password_hash.encode())
        return digest.hexdigest()[:16]

    def get_id(self):
        # What Flask-Login keeps in the session: with the fingerprint
        # in it, a new password signs out every session made with the
        # old one.
        return f"{self.id}:{self.fingerprint()}"
# --8<-- [end:tokens]

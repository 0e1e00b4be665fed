# --8<-- [start:login]
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


# UserMixin adds is_authenticated, get_id(), ...
class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(150), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))

    def set_password(self, password):
        # Salted scrypt.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)
# --8<-- [end:login]

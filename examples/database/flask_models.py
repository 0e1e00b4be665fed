# --8<-- [start:model]
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


# The table's name: "book".
class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(100), index=True)
    year: Mapped[int]
    # "| None" is what makes a column nullable.
    isbn: Mapped[str | None] = mapped_column(String(13), unique=True)
# --8<-- [end:model]

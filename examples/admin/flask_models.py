# --8<-- [start:model]
import datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)

STATUSES = [("draft", "Draft"), ("published", "Published")]


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    published_on: Mapped[datetime.date | None]
    body: Mapped[str] = mapped_column(Text, default="")
# --8<-- [end:model]

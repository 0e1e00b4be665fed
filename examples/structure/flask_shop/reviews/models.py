# --8<-- [start:reviews]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

# One part may use another part's models.
from ..catalog.models import Book
from ..extensions import db


class Review(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(
        ForeignKey("book.id"), index=True
    )
    book: Mapped[Book] = relationship()
    rating: Mapped[int]
    text: Mapped[str] = mapped_column(String(2000))
# --8<-- [end:reviews]

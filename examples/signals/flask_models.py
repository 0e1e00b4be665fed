"""The one model of the Flask signals example, and an ORM event on it."""

# --8<-- [start:model_event]
from flask import current_app
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Order(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    item: Mapped[str] = mapped_column(String(100))


# Flask has no model signals; SQLAlchemy's ORM events are the
# equivalent of post_save.
@event.listens_for(Order, "after_insert")
def order_inserted(mapper, connection, order):
    current_app.logger.debug(
        "after_insert: order %s (%s)", order.id, order.item
    )
# --8<-- [end:model_event]

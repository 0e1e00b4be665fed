# --8<-- [start:root]
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# One object for every app create_app() builds; every part imports it
# from here.
db = SQLAlchemy(model_class=Base)
# --8<-- [end:root]

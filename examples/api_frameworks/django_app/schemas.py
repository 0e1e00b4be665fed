# --8<-- [start:schema]
from ninja import Field, ModelSchema, Schema

from .models import Book


class BookOut(ModelSchema):
    """What the API sends: the fields are read from the model."""

    class Meta:
        model = Book
        fields = ["id", "title", "year"]


class BookIn(Schema):
    """What the API accepts: a pydantic model, so type hints are the
    validation."""

    # No NUL character: PostgreSQL cannot store one (it would be a 500).
    title: str = Field(
        min_length=1, max_length=200, pattern=r"^[^\x00]*$"
    )
    # strict: a JSON number only; pydantic would otherwise accept
    # "1965", and true as 1.
    year: int = Field(ge=0, le=2100, strict=True)
# --8<-- [end:schema]

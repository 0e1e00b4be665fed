# --8<-- [start:schema]
from marshmallow import Schema, fields, validate


class BookSchema(Schema):
    """One schema for both directions: `id` is sent, never read."""

    id = fields.Int(dump_only=True)
    # No NUL character: PostgreSQL cannot store one (it would be a 500).
    title = fields.Str(
        required=True,
        validate=[
            validate.Length(min=1, max=200),
            validate.Regexp(r"^[^\x00]*$"),
        ],
    )
    # strict: a JSON number only; "1965" (a string) is refused.
    year = fields.Int(
        required=True,
        strict=True,
        validate=validate.Range(min=0, max=2100),
    )
# --8<-- [end:schema]

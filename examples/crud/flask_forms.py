# --8<-- [start:form]
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Regexp,
)

# PostgreSQL cannot store a NUL character; refuse it as Django's form
# fields do.
NO_NUL = Regexp(
    r"^[^\x00]*$", message="Null characters are not allowed."
)


class BookForm(FlaskForm):
    # Field names match the model's attributes, so populate_obj() can
    # copy them.
    title = StringField(
        "Title", validators=[DataRequired(), Length(max=200), NO_NUL]
    )
    author = StringField(
        "Author", validators=[DataRequired(), Length(max=100), NO_NUL]
    )
    # The range keeps absurd numbers out of the INTEGER column.
    year = IntegerField(
        "Year",
        validators=[InputRequired(), NumberRange(min=0, max=2100)],
    )
# --8<-- [end:form]

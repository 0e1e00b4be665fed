# --8<-- [start:create]
from flask_wtf import FlaskForm
from wtforms import Form, IntegerField, StringField
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

# Also keeps SQLite's 64-bit integers from overflowing.
YEARS = NumberRange(min=0, max=9999)


class BookForm(FlaskForm):
    """A FlaskForm fills itself from request.form and checks the CSRF
    token too."""

    title = StringField(validators=[InputRequired(), Length(max=200)])
    author = StringField(validators=[InputRequired(), Length(max=100)])
    year = IntegerField(validators=[InputRequired(), YEARS])
# --8<-- [end:create]


# --8<-- [start:query]
class BookQuery(Form):
    """The query string of the list view. A plain WTForms Form: a GET
    changes nothing, so no token."""

    author = StringField()
    since = IntegerField(validators=[Optional(), YEARS])
# --8<-- [end:query]

"""The signup form for the Flask example (Flask-WTF on top of WTForms)."""

# --8<-- [start:form]
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Email, Length


class SignupForm(FlaskForm):
    name = StringField(
        "Name", validators=[DataRequired(), Length(max=100)]
    )
    # Email() checks the syntax with the email-validator package; no
    # hand-written pattern, which can take seconds on a long input.
    email = EmailField(
        "Email",
        validators=[
            DataRequired(),
            Length(max=254),
            Email(message="Enter a valid email address."),
        ],
    )
# --8<-- [end:form]

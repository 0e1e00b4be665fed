"""The signup form for the Flask example (Flask-WTF on top of WTForms)."""

# --8<-- [start:form]
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Length, Regexp

# WTForms' own Email() validator needs the extra email-validator package;
# this pattern keeps the example to Flask-WTF alone (see the page).
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class SignupForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=100)])
    email = EmailField(
        "Email",
        validators=[DataRequired(), Regexp(EMAIL, message="Enter a valid email address.")],
    )
# --8<-- [end:form]

"""The forms of the Flask password-reset example (Flask-WTF: each checks the CSRF token)."""

# --8<-- [start:views]
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    email = EmailField(
        "Email", validators=[DataRequired(), Length(max=254)]
    )
    password = PasswordField("Password", validators=[DataRequired()])


class ResetRequestForm(FlaskForm):
    email = EmailField(
        "Email", validators=[DataRequired(), Length(max=254)]
    )


class NewPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=12, max=128)],
    )
    confirm = PasswordField(
        "Repeat it",
        validators=[EqualTo("password", "The passwords differ.")],
    )
# --8<-- [end:views]

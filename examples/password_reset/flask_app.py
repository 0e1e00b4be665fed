"""Password reset in Flask: signed, expiring, single-use tokens from itsdangerous, sent by smtplib."""

import hmac
import logging

import click
from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.cli import with_appcontext
from flask_login import (
    LoginManager,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from flask_wtf.csrf import CSRFProtect
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .flask_forms import LoginForm, NewPasswordForm, ResetRequestForm
from .flask_mail import send_mail
from .flask_models import User, db

bp = Blueprint("reset", __name__)
log = logging.getLogger(__name__)
login_manager = LoginManager()
login_manager.login_view = "reset.login"
# Checked when no account has the address, so every failed login costs one hash.
UNKNOWN_USER_HASH = generate_password_hash("no account has this password")


@login_manager.user_loader
def load_user(user_id):
    """The user whose "id:fingerprint" this is, or None once the password changed."""
    number, _, _ = user_id.partition(":")
    user = db.session.get(User, int(number)) if number.isdigit() else None
    if user is None or not hmac.compare_digest(user.get_id(), user_id):
        return None
    return user


# --8<-- [start:tokens]
def serializer():
    # The salt keeps these tokens apart from anything else signed with
    # SECRET_KEY.
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt="password-reset"
    )


def make_token(user):
    # The fingerprint changes with the password: a used token stops
    # working.
    return serializer().dumps({"id": user.id, "pw": user.fingerprint()})


def user_for_token(token):
    """The token's user, or None if forged, expired or already used."""
    max_age = current_app.config["RESET_TOKEN_MAX_AGE"]
    try:
        data = serializer().loads(token, max_age=max_age)
    except BadSignature:
        # SignatureExpired is a BadSignature too.
        return None
    user = db.session.get(User, data["id"])
    if user is None:
        return None
    if not hmac.compare_digest(user.fingerprint(), data["pw"]):
        return None
    return user
# --8<-- [end:tokens]


# --8<-- [start:views]
@bp.route("/reset/", methods=["GET", "POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        email = form.email.data.strip()
        same_email = func.lower(User.email) == email.lower()
        user = db.session.scalar(select(User).where(same_email))
        if user is not None:
            link = url_for(
                "reset.reset_password",
                token=make_token(user),
                _external=True,
            )
            body = render_template("reset_email.txt", link=link)
            try:
                send_mail(user.email, "Reset your password", body)
            except OSError:
                # smtplib's errors are OSErrors; the visitor gets the
                # same answer.
                log.exception(
                    "Could not send the reset email to user %s", user.id
                )
        # Known address or not, the same page: no one learns who has an
        # account.
        return redirect(url_for("reset.reset_sent"))
    title = "Reset your password"
    return render_template("form.html", title=title, form=form)


@bp.get("/reset/sent/")
def reset_sent():
    message = (
        "If an account uses that address, we have sent it a link."
    )
    return render_template(
        "message.html", title="Check your email", message=message
    )


@bp.route("/reset/<token>/", methods=["GET", "POST"])
def reset_password(token):
    user = user_for_token(token)
    if user is None:
        message = "The link has expired or was used. Ask for a new one."
        return render_template(
            "message.html", title="Reset link invalid", message=message
        ), 400
    form = NewPasswordForm()
    if form.validate_on_submit():
        # A new hash: the token is spent, and every session of this user
        # ends (the fingerprint in Flask-Login's id no longer matches).
        user.set_password(form.password.data)
        db.session.commit()
        logout_user()
        flash("Your password is set. You can sign in with it.")
        return redirect(url_for("reset.login"))
    title = "Choose a new password"
    page = render_template("form.html", title=title, form=form)
    response = current_app.make_response(page)
    # The token is in this page's URL.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
# --8<-- [end:views]


@bp.route("/login/", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(func.lower(User.email) == form.email.data.lower()))
        if user is None:
            # Hash anyway: a faster answer would tell which addresses have an account.
            check_password_hash(UNKNOWN_USER_HASH, form.password.data)
        elif user.check_password(form.password.data):
            session.clear()  # nothing from before the sign-in carries over
            login_user(user)
            return redirect(url_for("reset.account"))
        form.password.errors.append("Wrong email or password.")
    return render_template("form.html", title="Sign in", form=form)


@bp.get("/account/")
@login_required
def account():
    return render_template("message.html", title="Your account", message=f"Signed in as {current_user.email}.")


# --8<-- [start:setup]
@click.command("create-user")
@click.argument("email")
@click.password_option()
@with_appcontext
def create_user(email, password):
    """Add a user who can sign in and reset their password."""
    user = User(email=email)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created user {email}.")


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI="sqlite:///reset.sqlite3",
        # Seconds a reset link works.
        RESET_TOKEN_MAX_AGE=3600,
        # Links in emails use the Host header: only these hosts are
        # answered (Flask 3.1).
        TRUSTED_HOSTS=["localhost", "127.0.0.1"],
        # Development: `python -m aiosmtpd -n` on port 8025 prints
        # each message.
        MAIL_SERVER="localhost",
        MAIL_PORT=8025,
        MAIL_USE_TLS=False,
        MAIL_USERNAME="",
        MAIL_PASSWORD="",
        MAIL_FROM="noreply@example.com",
    )
    # FLASK_MAIL_SERVER=..., FLASK_TRUSTED_HOSTS='["example.com"]'
    app.config.from_prefixed_env()
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):  # fail closed: no key, no app
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    CSRFProtect(app)
    db.init_app(app)
    login_manager.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(create_user)
    with app.app_context():
        db.create_all()

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:setup]

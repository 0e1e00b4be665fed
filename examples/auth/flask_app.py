import click
from flask import Blueprint, Flask, redirect, render_template, request, session, url_for
from flask_login import LoginManager, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from .flask_models import User, db

# cli_group=None puts the blueprint's commands at the top: `flask create-user`.
bp = Blueprint("auth", __name__, cli_group=None)

# --8<-- [start:login]
login_manager = LoginManager()
# Where @login_required sends visitors.
login_manager.login_view = "auth.login"
# Checked when nobody has the name given, so that every failed login
# costs one hash.
UNKNOWN_USER_HASH = generate_password_hash(
    "no account has this password"
)


# Called on each request with the id stored in the session.
@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        name = request.form["username"]
        password = request.form["password"]
        user = db.session.scalar(
            select(User).where(User.username == name)
        )
        if user is None:
            # Hash anyway: an answer that came back faster would tell
            # which names exist.
            check_password_hash(UNKNOWN_USER_HASH, password)
        elif user.check_password(password):
            # Puts the user's id in the session cookie.
            login_user(user)
            return redirect(next_page())
        error = "Wrong username or password."
    return render_template("login.html", error=error)


def next_page():
    """Where ?next= asks to go, if that is a page of this site."""
    target = request.args.get("next", "")
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and target.isprintable()
    ):
        return target
    return url_for("auth.private")


@bp.post("/logout")
def logout():
    # Forget everything, not only who was signed in.
    session.clear()
    logout_user()
    return redirect(url_for("auth.login"))
# --8<-- [end:login]


# --8<-- [start:protect]
@bp.get("/private")
@login_required
def private():
    session["visits"] = session.get("visits", 0) + 1
    return render_template("private.html", visits=session["visits"])
# --8<-- [end:protect]


# --8<-- [start:setup]
def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///users.sqlite3"
    # FLASK_SECRET_KEY becomes SECRET_KEY.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # It signs the session cookie: with a guessable one, anyone could
    # sign in as anyone.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    db.init_app(app)
    login_manager.init_app(app)
    # The sign-in and sign-out forms need the token, as in Django.
    CSRFProtect(app)
    app.register_blueprint(bp)
    return app


@bp.cli.command("init-db")
def init_db():
    """Create the users table (once, not in every worker)."""
    db.create_all()


@bp.cli.command("create-user")
@click.argument("username")
@click.password_option()
def create_user(username, password):
    """Add a user who can sign in."""
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created user {username}.")
# --8<-- [end:setup]

import click
from flask import Blueprint, Flask, redirect, render_template, request, session, url_for
from flask.cli import with_appcontext
from flask_login import LoginManager, login_required, login_user, logout_user
from sqlalchemy import select

from .flask_models import User, db

bp = Blueprint("auth", __name__)

# --8<-- [start:login]
login_manager = LoginManager()
login_manager.login_view = "auth.login"  # where @login_required sends visitors


@login_manager.user_loader
def load_user(user_id):  # called on each request with the id stored in the session
    return db.session.get(User, int(user_id))


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        name = request.form["username"]
        user = db.session.scalar(select(User).where(User.username == name))
        if user is not None and user.check_password(request.form["password"]):
            login_user(user)  # puts the user's id in the session cookie
            return redirect(next_page())
        error = "Wrong username or password."
    return render_template("login.html", error=error)


def next_page():
    """Where ?next= asks to go, if that is a page of this site."""
    target = request.args.get("next", "")
    if target.startswith("/") and not target.startswith(("//", "/\\")) and target.isprintable():
        return target
    return url_for("auth.private")


@bp.post("/logout")
def logout():
    session.clear()  # forget everything, not only who was signed in
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
    # Signs the session cookie. Set FLASK_SECRET_KEY in production.
    app.config["SECRET_KEY"] = "dev-only-not-secret"
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///users.sqlite3"
    app.config.from_prefixed_env()
    app.config.update(config or {})
    db.init_app(app)
    login_manager.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(create_user)
    with app.app_context():
        db.create_all()
    return app


@click.command("create-user")
@click.argument("username")
@click.password_option()
@with_appcontext
def create_user(username, password):
    """Add a user who can sign in."""
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created user {username}.")
# --8<-- [end:setup]

"""The Flask app `make measure` serves: the measured endpoints and an admin list,
with every add-on the cookbook uses loaded, set up as a real project sets them up."""

import asyncio

import click
from flask import Blueprint, Flask, Response, redirect, render_template, request, url_for
from flask.cli import with_appcontext
from flask_admin import Admin, AdminIndexView
from flask_admin.contrib.sqla import ModelView
from flask_babel import Babel
from flask_login import LoginManager, current_user, login_user
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import delete, select
from werkzeug.security import check_password_hash, generate_password_hash

from .flask_models import Book, User, db

# --8<-- [start:endpoints]
bench = Blueprint("bench", __name__)
NUMBERS = list(range(1, 11))


@bench.get("/text/")
def text():
    return Response("Hello, world!", mimetype="text/plain")


@bench.get("/json/")
def json_view():
    return {"message": "Hello, world!", "numbers": NUMBERS}


@bench.get("/page/")
def page():
    return render_template(
        "page.html", title="Ten numbers", numbers=NUMBERS
    )


@bench.get("/books/")
def books():
    found = db.session.scalars(select(Book).order_by(Book.id).limit(10))
    rows = [
        {"title": b.title, "author": b.author, "year": b.year}
        for b in found
    ]
    return {"books": rows}


@bench.get("/wait/")
async def wait():
    # Stands in for a 10 ms call to another service.
    await asyncio.sleep(0.01)
    return {"waited_ms": 10}
# --8<-- [end:endpoints]


# --8<-- [start:admin]
login_manager = LoginManager()
login_manager.login_view = "accounts.login"


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


accounts = Blueprint("accounts", __name__)
# Checked when nobody has the username given.
UNKNOWN_USER_HASH = generate_password_hash("no account has this one")


@accounts.route("/login/", methods=["GET", "POST"])
def login():
    error = None
    # CSRFProtect has checked the form's token.
    if request.method == "POST":
        username = request.form["username"]
        user = db.session.scalar(
            select(User).where(User.username == username)
        )
        password = request.form["password"]
        if user is None:
            # One hash either way, as Django's ModelBackend does, so
            # the time taken does not tell which usernames exist.
            check_password_hash(UNKNOWN_USER_HASH, password)
        elif user.check_password(password):
            login_user(user)
            return redirect(url_for("admin.index"))
        error = "Wrong username or password."
    return render_template("login.html", error=error)


class StaffOnly:
    """Sends anyone not signed in to the login page.

    Flask-Admin lets everyone in without it.
    """

    def is_accessible(self):
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("accounts.login"))


class AdminHome(StaffOnly, AdminIndexView):
    pass


class BookAdmin(StaffOnly, ModelView):
    column_list = ["title", "author", "year"]
    # As many rows a page as Django's admin shows.
    page_size = 100
# --8<-- [end:admin]


# --8<-- [start:setup]
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///bench.sqlite3"
    # FLASK_SECRET_KEY, FLASK_SQLALCHEMY_DATABASE_URI
    app.config.from_prefixed_env()
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    # Flask-SQLAlchemy: the ORM
    db.init_app(app)
    # Flask-Migrate: migrations
    migrate.init_app(app, db)
    # Flask-WTF: CSRF protection for every form
    csrf.init_app(app)
    # Flask-Login: sign-in kept in the session
    login_manager.init_app(app)
    # Flask-Babel: translations; Flask-Admin uses it when installed
    babel.init_app(app)
    # Flask-Admin
    admin = Admin(app, name="Books", index_view=AdminHome())
    admin.add_view(BookAdmin(Book, db))
    app.register_blueprint(bench)
    app.register_blueprint(accounts)
    app.cli.add_command(seed_bench)
    app.cli.add_command(add_staff)
    return app
# --8<-- [end:setup]


# --8<-- [start:seed]
@click.command("seed-bench")
@click.option(
    "--rows",
    type=click.IntRange(min=1),
    default=300,
    help="How many books.",
)
@with_appcontext
def seed_bench(rows):
    """Create the tables and replace every book with ROWS new ones."""
    db.create_all()
    db.session.execute(delete(Book))
    db.session.add_all(
        Book(
            title=f"Book {n}",
            author=f"Author {n % 37}",
            year=1900 + n % 125,
        )
        for n in range(1, rows + 1)
    )
    db.session.commit()
    click.echo(f"{rows} books")


@click.command("add-staff")
@click.argument("username")
@click.password_option(envvar="STAFF_PASSWORD")
@with_appcontext
def add_staff(username, password):
    """Create a staff account that can sign in to the admin."""
    db.create_all()
    taken = select(User).where(User.username == username)
    if db.session.scalar(taken) is not None:
        raise click.ClickException(f"{username!r} already exists")
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"created {username}")
# --8<-- [end:seed]

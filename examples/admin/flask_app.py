from flask import Flask, Response, current_app, request
from flask_admin import Admin, AdminIndexView
from flask_admin.contrib.sqla import ModelView
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect
from werkzeug.security import check_password_hash

from .flask_models import STATUSES, Article, db


# --8<-- [start:protect]
class RequireAdminPassword:
    """Flask-Admin lets everyone in; this asks for HTTP Basic
    credentials first."""

    def is_accessible(self):
        given = request.authorization
        expected = current_app.config["ADMIN_PASSWORD_HASH"]
        return bool(
            given
            and expected
            and given.username == current_app.config["ADMIN_USERNAME"]
            and check_password_hash(expected, given.password or "")
        )

    def inaccessible_callback(self, name, **kwargs):
        # 401 and this header: the browser shows its sign-in dialog.
        return Response(
            "Sign in to use the admin.",
            401,
            {"WWW-Authenticate": 'Basic realm="admin"'},
        )


class AdminHome(RequireAdminPassword, AdminIndexView):
    pass
# --8<-- [end:protect]


# --8<-- [start:register]
class ArticleAdmin(RequireAdminPassword, ModelView):
    # The list's columns.
    column_list = ["title", "author", "status", "published_on"]
    # The search box.
    column_searchable_list = ["title", "author"]
    # The "Add filter" menu.
    column_filters = ["status", "published_on"]
    # A select box, not free text; the list shows the same labels.
    form_choices = {"status": STATUSES}
    column_choices = {"status": STATUSES}


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///articles.sqlite3"
    app.config["ADMIN_USERNAME"] = "admin"
    # Locked until you set one.
    app.config["ADMIN_PASSWORD_HASH"] = None
    # FLASK_SECRET_KEY=..., FLASK_ADMIN_PASSWORD_HASH=...
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # It signs the session and the CSRF tokens.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    db.init_app(app)
    # The browser resends Basic credentials with any request, a forged
    # cross-site form included: every POST must also carry the token
    # from the admin's own form.
    CSRFProtect(app)
    # Flask-Admin translates its pages with Flask-Babel whenever that
    # is installed (as it is here, for the i18n page), and then needs
    # it set up on the app.
    Babel(app)
    # Served at /admin/.
    admin = Admin(app, name="Articles", index_view=AdminHome())
    # At /admin/article/.
    admin.add_view(ArticleAdmin(Article, db))

    @app.cli.command("init-db")
    def init_db():
        """Create the articles table (once, not in every worker
        that starts)."""
        db.create_all()

    return app
# --8<-- [end:register]

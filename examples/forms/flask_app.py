"""Forms in Flask with Flask-WTF: a signup form, validated on the server."""

# --8<-- [start:view]
from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_wtf.csrf import CSRFProtect

from .flask_forms import SignupForm

accounts = Blueprint("accounts", __name__)


@accounts.route("/signup/", methods=["GET", "POST"])
def signup():
    # On a POST, Flask-WTF fills it from request.form.
    form = SignupForm()
    # A POST, and every validator passed.
    if form.validate_on_submit():
        # A real app would save form.data here (see the Database page).
        flash(
            f"Thanks, {form.name.data}! "
            f"We will write to {form.email.data}."
        )
        return redirect(url_for("accounts.thanks"))
    # A GET, or a POST with errors: the form, with any errors.
    return render_template("signup.html", form=form)


@accounts.get("/thanks/")
def thanks():
    return render_template("thanks.html")


def create_app(config=None):
    app = Flask(__name__)
    # FLASK_SECRET_KEY signs the session cookie and the CSRF token.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    # Refuse every POST without a valid token (400), as Django does
    # (403).
    CSRFProtect(app)
    app.register_blueprint(accounts)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:view]

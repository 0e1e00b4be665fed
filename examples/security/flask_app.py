"""A comment form that shows Flask's security defaults and what you add yourself."""

from flask import Blueprint, Flask, render_template, request, session
from flask_wtf.csrf import CSRFProtect

comments = Blueprint("comments", __name__)

# --8<-- [start:cookies]
def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        # The default: page scripts cannot read it.
        SESSION_COOKIE_HTTPONLY=True,
        # Default False: send it over HTTPS only.
        SESSION_COOKIE_SECURE=True,
        # Default None: no SameSite attribute.
        SESSION_COOKIE_SAMESITE="Lax",
    )
    # FLASK_SECRET_KEY signs the cookie and the CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # No built-in fallback that could reach production.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    csrf.init_app(app)
    app.register_blueprint(comments)
    return app
# --8<-- [end:cookies]


# --8<-- [start:csrf]
# create_app() attaches it: every POST, PUT, PATCH and DELETE then
# needs a valid token, or gets a 400.
csrf = CSRFProtect()
# --8<-- [end:csrf]

# --8<-- [start:escaping]
NOTICE = "<strong>Be kind.</strong> Comments are public."


@comments.route("/comment/", methods=["GET", "POST"])
def comment():
    text = None
    if request.method == "POST":
        text = request.form.get("text", "").strip()
        # An empty comment: the form again, with the error.
        if not text:
            error = "Write a comment first."
            return render_template(
                "comment.html", notice=NOTICE, error=error
            )
        session["last_comment"] = text
    return render_template("comment.html", comment=text, notice=NOTICE)
# --8<-- [end:escaping]


# --8<-- [start:clickjacking]
# Every response of the app, not only this blueprint's.
@comments.after_app_request
def forbid_framing(response):
    # Flask sends no X-Frame-Options header unless you add one.
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
# --8<-- [end:clickjacking]

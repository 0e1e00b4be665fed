"""A comment form that shows Flask's security defaults and what you add yourself."""

import os

from flask import Flask, render_template, request, session
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)

# --8<-- [start:cookies]
app.config.update(
    SECRET_KEY=os.environ.get("FLASK_SECRET_KEY", "dev-only-not-secret"),
    SESSION_COOKIE_HTTPONLY=True,  # the default: page scripts cannot read it
    SESSION_COOKIE_SECURE=True,  # default False: send it over HTTPS only
    SESSION_COOKIE_SAMESITE="Lax",  # default None: no SameSite attribute
)
# --8<-- [end:cookies]

# --8<-- [start:csrf]
# Every POST, PUT, PATCH and DELETE now needs a valid token, or gets a 400.
csrf = CSRFProtect(app)
# --8<-- [end:csrf]

# --8<-- [start:escaping]
NOTICE = "<strong>Be kind.</strong> Comments are public."


@app.route("/comment/", methods=["GET", "POST"])
def comment():
    text = None
    if request.method == "POST":
        text = request.form["text"]
        session["last_comment"] = text
    return render_template("comment.html", comment=text, notice=NOTICE)
# --8<-- [end:escaping]


# --8<-- [start:clickjacking]
@app.after_request
def forbid_framing(response):
    # Flask sends no X-Frame-Options header unless you add one.
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
# --8<-- [end:clickjacking]

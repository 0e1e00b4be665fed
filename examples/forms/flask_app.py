"""Forms in Flask with Flask-WTF: a signup form, validated on the server."""

# --8<-- [start:view]
import os

from flask import Flask, flash, redirect, render_template, url_for
from flask_wtf.csrf import CSRFProtect

from .flask_forms import SignupForm

app = Flask(__name__)
# Signs the session cookie and the CSRF token; set it from the environment in production.
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY", "dev-only-not-secret")
# Refuse every POST without a valid token (400), as Django does (403).
CSRFProtect(app)


@app.route("/signup/", methods=["GET", "POST"])
def signup():
    form = SignupForm()  # on a POST, Flask-WTF fills it from request.form
    if form.validate_on_submit():  # a POST, and every validator passed
        # A real app would save form.data here (see the Database page).
        flash(f"Thanks, {form.name.data}! We will write to {form.email.data}.")
        return redirect(url_for("thanks"))
    # A GET, or a POST with errors: show the form, with the errors if any.
    return render_template("signup.html", form=form)


@app.get("/thanks/")
def thanks():
    return render_template("thanks.html")
# --8<-- [end:view]

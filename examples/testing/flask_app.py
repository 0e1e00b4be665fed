"""A tiny notes app to test: a list of notes and a form that adds one."""

# --8<-- [start:app]
from flask import Blueprint, Flask, current_app, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFProtect

notes = Blueprint("notes", __name__)


def create_app(test_config=None):
    """Build a new app; each one starts with an empty list of notes."""
    app = Flask(__name__)
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY signs the CSRF tokens
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("Set the FLASK_SECRET_KEY environment variable.")
    CSRFProtect(app)  # the form posts a token, as Django's does
    app.extensions["notes"] = []  # kept in memory, per app, so every test's app starts empty
    app.register_blueprint(notes)
    return app


@notes.get("/notes/")
def list_notes():
    return render_template("notes.html", notes=current_app.extensions["notes"])


@notes.post("/notes/")
def add_note():
    saved = current_app.extensions["notes"]
    text = request.form.get("text", "").strip()
    if not text:
        return render_template("notes.html", notes=saved, error="Write something first."), 400
    saved.append(text)
    return redirect(url_for("notes.list_notes"))
# --8<-- [end:app]

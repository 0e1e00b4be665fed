"""A tiny notes app to test: a list of notes and a form that adds one."""

# --8<-- [start:app]
from flask import Flask, redirect, render_template, request, url_for


def create_app(test_config=None):
    """Build a new app; each one starts with an empty list of notes."""
    app = Flask(__name__)
    if test_config:
        app.config.update(test_config)
    notes = []  # kept in memory so every test's app starts empty

    @app.get("/notes/")
    def list_notes():
        return render_template("notes.html", notes=notes)

    @app.post("/notes/")
    def add_note():
        text = request.form.get("text", "").strip()
        if not text:
            return render_template("notes.html", notes=notes, error="Write something first."), 400
        notes.append(text)
        return redirect(url_for("list_notes"))

    return app
# --8<-- [end:app]

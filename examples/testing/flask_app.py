"""A tiny notes app to test: a list of notes and a form that adds one."""

# --8<-- [start:app]
from flask import (
    Blueprint,
    Flask,
    abort,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import StringField
from wtforms.validators import DataRequired

db = SQLAlchemy()
notes = Blueprint("notes", __name__)


class Note(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]


class NoteForm(FlaskForm):
    # DataRequired counts "   " as empty, as Django's CharField does.
    text = StringField(
        "Note", validators=[DataRequired("Write something first.")]
    )


def create_app(test_config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///notes.sqlite3"
    # FLASK_SECRET_KEY signs the CSRF tokens.
    app.config.from_prefixed_env()
    # The tests' settings: their own database, for one.
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    # The form posts a token, as Django's does.
    CSRFProtect(app)
    db.init_app(app)
    with app.app_context():
        db.create_all()
    app.register_blueprint(notes)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app


@notes.route("/notes/", methods=["GET", "POST"])
def notes_page():
    form = NoteForm()
    if form.validate_on_submit():
        db.session.add(Note(text=form.text.data.strip()))
        db.session.commit()
        return redirect(url_for("notes.notes_page"))
    # The latest 50: a page does not grow with the table.
    latest = db.select(Note).order_by(Note.id.desc()).limit(50)
    saved = db.session.scalars(latest)
    return render_template("notes.html", notes=saved, form=form)
# --8<-- [end:app]

"""File uploads in Flask: a size limit, a type checked by content, safe names, a folder to keep them."""

import os
import secrets
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, send_from_directory, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.utils import secure_filename

from .flask_forms import UploadForm, sniff

bp = Blueprint("uploads", __name__)


# --8<-- [start:limits]
def create_app(config=None):
    app = Flask(__name__)
    # The whole request body, file and fields together: larger is a 413.
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    # Flask 3.1 defaults, shown to name them: each non-file field
    # (500 kB) and the number of fields and files in one form (1,000);
    # larger or more is a 413.
    app.config["MAX_FORM_MEMORY_SIZE"] = 500_000
    app.config["MAX_FORM_PARTS"] = 1_000
    # Where files go: outside the code and the static folder, in
    # instance/uploads/.
    app.config["UPLOAD_FOLDER"] = os.path.join(
        app.instance_path, "uploads"
    )
    # FLASK_SECRET_KEY becomes SECRET_KEY: it signs the CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    # Every POST needs the token (400 without).
    CSRFProtect(app)
    app.register_blueprint(bp)

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app


@bp.app_errorhandler(413)
def too_large(error):
    limit = current_app.config["MAX_CONTENT_LENGTH"] // 1024
    # formdata=None: reading the form again would raise the same 413.
    form = UploadForm(formdata=None)
    error = f"Files up to {limit} KiB."
    return render_template("upload.html", form=form, error=error), 413
# --8<-- [end:limits]


# --8<-- [start:storage]
@bp.route("/", methods=["GET", "POST"])
def upload():
    form = UploadForm()
    if form.validate_on_submit():
        # A werkzeug FileStorage.
        file = form.document.data
        # The client's name, cleaned (no "..", no slashes, ASCII only),
        # for readability; a random prefix for uniqueness; the
        # extension of the real type.
        stem = Path(secure_filename(file.filename)).stem[:50]
        stem = stem or "upload"
        name = f"{secrets.token_hex(8)}-{stem}{sniff(file.stream)}"
        folder = current_app.config["UPLOAD_FOLDER"]
        file.save(os.path.join(folder, name))
        url = url_for("uploads.download", name=name)
        return redirect(url, code=303)
    return render_template("upload.html", form=form)


@bp.get("/files/<name>")
def download(name):
    # send_from_directory refuses any name that would leave the
    # folder (404).
    folder = current_app.config["UPLOAD_FOLDER"]
    return send_from_directory(folder, name, as_attachment=True)
# --8<-- [end:storage]

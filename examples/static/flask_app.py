"""Static files in Flask: the static/ folder next to the app, served at /static/."""

# --8<-- [start:view]
from flask import Blueprint, Flask, render_template

pages = Blueprint("pages", __name__)


@pages.get("/")
def page():
    return render_template("page.html")


def create_app():
    # static_folder="static" and static_url_path="/static" are the
    # defaults, spelled out here: files in ./static/ are served at
    # /static/<filename>.
    app = Flask(
        __name__, static_folder="static", static_url_path="/static"
    )
    app.register_blueprint(pages)
    return app
# --8<-- [end:view]

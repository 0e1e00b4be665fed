"""Translations in Flask with Flask-Babel: a language prefix in every URL, catalogues in translations/."""

from flask import Blueprint, Flask, abort, g, redirect, render_template, request, url_for
from flask_babel import Babel, ngettext

# --8<-- [start:select]
LANGUAGES = {"en": "English", "fr": "Français"}
bp = Blueprint("pages", __name__, url_prefix="/<lang_code>")


@bp.url_value_preprocessor
def take_language(endpoint, values):
    # Taken out of the URL values: the views never see it.
    g.lang_code = values.pop("lang_code")
    if g.lang_code not in LANGUAGES:
        abort(404)


@bp.url_defaults
def keep_language(endpoint, values):
    # url_for() inside a page keeps its language.
    if "lang_code" in g:
        values.setdefault("lang_code", g.lang_code)


def select_locale():
    # None outside these pages: Babel's default, English.
    return g.get("lang_code")


def choose_language():
    """/ sends the visitor to the language their browser asks for
    first."""
    best = request.accept_languages.best_match(LANGUAGES) or "en"
    return redirect(url_for("pages.index", lang_code=best))


def create_app():
    app = Flask(__name__)
    # The catalogues come from translations/ by default.
    Babel(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.add_url_rule("/", "choose_language", choose_language)
    return app
# --8<-- [end:select]


# --8<-- [start:mark]
@bp.get("/")
def index():
    # Not a number: 0.
    items = request.args.get("items", 0, type=int)
    # ngettext picks the singular or plural form the language needs;
    # %(num)d is filled in.
    basket = ngettext(
        "You have %(num)d item in your basket.",
        "You have %(num)d items in your basket.",
        items,
    )
    return render_template(
        "index.html", basket=basket, languages=LANGUAGES
    )
# --8<-- [end:mark]

"""Signals and request hooks in Flask: blinker signals, and the hooks around every request."""

import time

from blinker import Namespace
from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    request_finished,
    request_started,
    template_rendered,
    url_for,
)
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from .flask_models import Order, db

bp = Blueprint("signals", __name__)

# --8<-- [start:custom]
# A namespace keeps your signals apart from Flask's and other
# extensions'.
shop_signals = Namespace()
order_placed = shop_signals.signal("order-placed")


class OrderForm(FlaskForm):
    item = StringField(
        "Item", validators=[DataRequired(), Length(max=100)]
    )


@bp.route("/orders/", methods=["GET", "POST"])
def orders():
    form = OrderForm()
    if form.validate_on_submit():
        order = Order(item=form.item.data.strip())
        db.session.add(order)
        # Runs the after_insert event.
        db.session.commit()
        # Send the real app, not the current_app proxy: receivers
        # match senders by identity.
        app = current_app._get_current_object()
        order_placed.send(app, order=order)
        return redirect(url_for("signals.orders"), code=303)
    # The 50 newest orders: the page does not grow with the table.
    newest = db.select(Order).order_by(Order.id.desc()).limit(50)
    return render_template(
        "orders.html", orders=db.session.scalars(newest), form=form
    )


def send_confirmation(sender, order, **extra):
    sender.logger.debug("order_placed: confirm order %s", order.id)
# --8<-- [end:custom]


# --8<-- [start:hooks]
# Before every view of the app, once the URL has matched.
@bp.before_app_request
def start_timer():
    g.started = time.perf_counter()
    current_app.logger.debug("before_request")


# On every response, error pages included; it must return it.
@bp.after_app_request
def add_timing(response):
    # Absent when an earlier before_request hook answered (CSRF's 400).
    if "started" in g:
        elapsed = (time.perf_counter() - g.started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
    current_app.logger.debug("after_request")
    return response


# Always, even after an error; it gets the exception or None.
@bp.teardown_app_request
def end_request(exc):
    current_app.logger.debug("teardown_request (error: %s)", exc)
# --8<-- [end:hooks]


# --8<-- [start:signals]
def on_request_started(sender, **extra):
    sender.logger.debug(
        "request_started: %s %s", request.method, request.path
    )


def on_template_rendered(sender, template, context, **extra):
    sender.logger.debug("template_rendered: %s", template.name)


def on_request_finished(sender, response, **extra):
    sender.logger.debug("request_finished: %s", response.status_code)


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///orders.sqlite3"
    # FLASK_SECRET_KEY becomes SECRET_KEY: it signs the CSRF tokens.
    app.config.from_prefixed_env()
    app.config.update(config or {})
    # Fail closed: no key, no app.
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set the FLASK_SECRET_KEY environment variable."
        )
    CSRFProtect(app)
    db.init_app(app)
    app.register_blueprint(bp)
    # Connected with the app as sender: only its requests reach them.
    request_started.connect(on_request_started, app)
    template_rendered.connect(on_template_rendered, app)
    request_finished.connect(on_request_finished, app)
    order_placed.connect(send_confirmation, app)
    with app.app_context():
        db.create_all()

    @app.before_request
    def form_posts_only():
        # Flask-WTF would read a JSON body into these HTML forms, and
        # WTForms is not made for JSON values: a number is a 500.
        if request.is_json:
            abort(415)

    return app
# --8<-- [end:signals]

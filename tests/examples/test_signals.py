"""Signals and hooks: every receiver and hook runs, in the order the page gives, and only for its own app."""

from __future__ import annotations

import logging

import pytest

from signals.django_app.models import Order as DjangoOrder
from signals.flask_app import order_placed
from signals.flask_models import Order, db
from tests.examples import apps
from tests.examples.browsing import Inputs, body


def lines(caplog) -> list[str]:
    """What the example logged under the `signals` logger, without timings."""
    return [r.getMessage() for r in caplog.records if r.name.startswith("signals")]


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(flask_site):
    return flask_site.app


def test_flask_template_rendered_fires_for_the_page(flask_app, caplog):
    caplog.set_level(logging.DEBUG, logger="signals")
    page = flask_app.test_client().get("/orders/")
    assert "No orders yet." in page.text
    assert lines(caplog) == [
        "request_started: GET /orders/",
        "before_request",
        "template_rendered: orders.html",
        "after_request",
        "request_finished: 200",
        "teardown_request (error: None)",
    ]


def test_flask_teardown_sees_the_error_and_after_request_still_runs(flask_app, caplog):
    @flask_app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    flask_app.testing = False  # answer 500 as in production instead of raising into the test
    caplog.set_level(logging.DEBUG, logger="signals")
    assert flask_app.test_client().get("/boom").status_code == 500
    logged = lines(caplog)
    assert "after_request" in logged  # after_request runs on the 500 response Flask builds
    assert logged[-1] == "teardown_request (error: boom)"


def test_flask_receivers_connected_to_one_app_ignore_another(flask_app, tmp_path, caplog):
    other = apps.build_flask("signals", tmp_path / "other")  # a second app, built as the first
    received = []

    def record(sender, **extra):
        received.append(sender)

    with order_placed.connected_to(record, flask_app):
        with other.app_context():
            order_placed.send(other, order=Order(id=7, item="x"))
        assert received == []
        with flask_app.app_context():
            order_placed.send(flask_app, order=Order(id=7, item="x"))
        assert received == [flask_app]
    apps.dispose(other)


# What each framework logs for one POST that adds an order: Flask's request hooks, Django's
# middleware (the topic's MIDDLEWARE, applied by django_site), each framework's model signal.
ORDER_LOG = {
    "flask": [
        "request_started: POST /orders/",
        "before_request",
        "after_insert: order {pk} (tea)",
        "order_placed: confirm order {pk}",
        "after_request",
        "request_finished: 303",
        "teardown_request (error: None)",
    ],
    "django": [
        "request_started",
        "middleware: before the view",
        "post_save: order {pk} (tea), created=True",
        "order_placed: confirm order {pk}",
        "middleware: after the view",
        "request_finished",
    ],
}


def test_hooks_and_signals_run_in_request_order(site, caplog):
    browser, url = site.browser(), site.url("orders/")
    token = Inputs(body(browser.get(url))).hidden()
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger="signals")
    response = browser.client.post(url, data={"item": "tea", **token})
    assert response.status_code == {"flask": 303, "django": 302}[site.framework]
    assert response.headers["Location"] == url
    assert response.headers["Server-Timing"].startswith("app;dur=")
    pk = 1 if site.framework == "flask" else DjangoOrder.objects.get().pk  # Flask's database is the test's own
    assert lines(caplog) == [line.format(pk=pk) for line in ORDER_LOG[site.framework]]


@pytest.mark.parametrize("item", ["", "  ", "x" * 101])
def test_an_empty_or_too_long_item_shows_the_form_again(site, item):
    response = site.browser().submit(site.url("orders/"), {"item": item})
    assert response.status_code == 200 and "<form" in body(response)
    if not item.strip():
        assert "This field is required." in body(response)
    assert site.count("order") == 0


def test_the_page_lists_the_50_newest_orders_only(site):
    with site.context():
        if site.framework == "flask":
            db.session.add_all(Order(item=f"order {n}") for n in range(60))
            db.session.commit()
        else:
            DjangoOrder.objects.bulk_create(DjangoOrder(item=f"order {n}") for n in range(60))
    page = body(site.client().get(site.url("orders/")))
    assert page.count("<li>") == 50
    assert "<li>order 59</li>" in page and "<li>order 9</li>" not in page


# Django --------------------------------------------------------------------


def test_django_post_save_fires_on_every_save_not_only_creation(db, caplog):
    caplog.set_level(logging.DEBUG, logger="signals")
    order = DjangoOrder.objects.create(item="tea")
    order.item = "coffee"
    order.save()
    DjangoOrder.objects.filter(pk=order.pk).update(item="water")  # bulk update: no signal
    assert lines(caplog) == [
        f"post_save: order {order.pk} (tea), created=True",
        f"post_save: order {order.pk} (coffee), created=False",
    ]


def test_django_receivers_also_take_an_asgi_request(caplog):
    """Under ASGI, request_started sends scope= instead of environ=; the receivers run every request
    of the whole project, so one that cannot take it breaks every page."""
    from asgiref.sync import async_to_sync
    from django.test import AsyncClient

    caplog.set_level(logging.DEBUG, logger="signals")
    response = async_to_sync(AsyncClient().get)("/signals/")  # any URL: a 404 is fine
    assert response.status_code == 404
    assert lines(caplog)[0] == "request_started" and lines(caplog)[-1] == "request_finished"

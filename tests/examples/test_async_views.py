"""Async views: both apps await two coroutines at once and answer with the documented body."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.metadata
import importlib.util
import inspect
import json
import sys
import threading

import pytest

from async_views.django_app import views
from async_views.flask_app import create_app

# The two coroutines start before either finishes: that is what gather() buys.
INTERLEAVED = ["weather: start", "headlines: start", "weather: done", "headlines: done"]
app = create_app()
DASHBOARD = {"weather": "sunny", "headlines": ["Release day", "Meet-up on Friday"], "steps": INTERLEAVED}


def test_the_views_are_coroutine_functions():
    assert inspect.iscoroutinefunction(app.view_functions["views.dashboard"])
    assert inspect.iscoroutinefunction(views.dashboard)


def test_flask_needs_asgiref_which_the_async_extra_installs():
    requires = importlib.metadata.requires("flask") or []
    assert any(r.startswith("asgiref") and 'extra == "async"' in r for r in requires)
    assert importlib.util.find_spec("asgiref") is not None


def test_the_dashboard_runs_both_coroutines_concurrently(site):
    """Flask runs the coroutine in an event loop per request; Django's WSGI-style client, one in a thread."""
    response = site.client().get(site.url("dashboard/"))
    assert response.status_code == 200
    assert json.loads(response.content if site.framework == "django" else response.data) == DASHBOARD


CHECKSUM = {"text": "hello", "sha256": hashlib.sha256(b"hello").hexdigest()}


def test_the_checksum_runs_the_blocking_code(site):
    """Flask calls it directly; Django's async view hands it to a thread (both clients below)."""
    response = site.client().get(site.url("checksum/hello"))
    assert json.loads(response.content if site.framework == "django" else response.data) == CHECKSUM


def test_django_answers_alike_under_the_asgi_client(async_client):
    dashboard = asyncio.run(async_client.get("/async_views/dashboard/"))
    assert dashboard.status_code == 200 and json.loads(dashboard.content) == DASHBOARD
    assert json.loads(asyncio.run(async_client.get("/async_views/checksum/hello")).content) == CHECKSUM


def test_flask_without_the_async_extra_refuses_async_views(monkeypatch):
    """What a reader sees if asgiref is missing: a RuntimeError naming the extra."""
    monkeypatch.setitem(sys.modules, "asgiref.sync", None)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", True)  # raise, as the server log would show
    with pytest.raises(RuntimeError, match="'async' extra"):
        app.test_client().get("/dashboard/")


@pytest.mark.parametrize("text", ["%FF%FE", "a" * 10_000, "%00"])
def test_odd_paths_never_cause_a_server_error(site, text):
    """Bytes that are not UTF-8, a long segment, a NUL: each answers without a 500."""
    assert site.client().get(site.url(f"checksum/{text}")).status_code < 500


# Where an async view runs: what the page says, on the pinned Flask, Django and asgiref.


def test_flask_runs_each_async_view_in_a_new_event_loop_on_another_thread():
    """Flask hands the view to asgiref's async_to_sync, which runs asyncio.run() in a
    separate thread while the thread that took the request waits."""
    from flask import Flask, g

    probe, loops = Flask("probe"), []

    @probe.before_request
    def note_the_worker():
        g.worker = threading.get_ident()

    @probe.get("/")
    async def where():
        loops.append(asyncio.get_running_loop())
        return {"on_the_worker_thread": threading.get_ident() == g.worker}

    client = probe.test_client()
    assert client.get("/").json == {"on_the_worker_thread": False}
    assert client.get("/").json == {"on_the_worker_thread": False}
    assert loops[0] is not loops[1] and loops[0].is_closed()


def test_django_runs_an_async_view_in_a_new_loop_under_wsgi_and_on_the_servers_loop_under_asgi(
    settings, client, async_client
):
    """Route / to an async view that records its thread and event loop; ask it through either handler."""
    import types

    from django.http import HttpResponse
    from django.urls import path

    seen = []

    async def where(request):
        seen.append((threading.get_ident(), asyncio.get_running_loop()))
        return HttpResponse("ok")

    settings.ROOT_URLCONF = types.ModuleType("where_urls")
    settings.ROOT_URLCONF.urlpatterns = [path("", where)]
    assert client.get("/").status_code == 200  # the test client is Django's WSGI-style handler
    thread, loop = seen.pop()
    assert thread != threading.get_ident() and loop.is_closed()

    async def request():
        response = await async_client.get("/")
        return response.status_code, threading.get_ident(), asyncio.get_running_loop()

    status, thread, loop = asyncio.run(request())
    assert status == 200 and seen == [(thread, loop)]

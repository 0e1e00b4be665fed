"""Async views: both apps await two coroutines at once and answer with the documented body."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.metadata
import importlib.util
import inspect
import json
import shlex
import sys

import pytest

from async_views.django_app import views
from async_views.flask_app import create_app
from tests.conftest import free_port
from tests.examples.conftest import section
from tests.examples.serving import as_typed, reader_env, serving

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


def test_flask_dashboard_runs_both_coroutines_concurrently():
    response = app.test_client().get("/dashboard/")
    assert response.status_code == 200
    assert response.json == DASHBOARD


def test_flask_checksum_calls_blocking_code_directly():
    response = app.test_client().get("/checksum/hello")
    assert response.json == {"text": "hello", "sha256": hashlib.sha256(b"hello").hexdigest()}


@pytest.mark.urls("async_views.django_app.urls")
def test_django_dashboard_under_the_wsgi_style_client(client):
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert response.json() == DASHBOARD


@pytest.mark.urls("async_views.django_app.urls")
def test_django_dashboard_under_the_asgi_client(async_client):
    response = asyncio.run(async_client.get("/dashboard/"))
    assert response.status_code == 200
    assert json.loads(response.content) == DASHBOARD


@pytest.mark.urls("async_views.django_app.urls")
def test_django_checksum_runs_blocking_code_in_a_thread(client, async_client):
    expected = {"text": "hello", "sha256": hashlib.sha256(b"hello").hexdigest()}
    assert client.get("/checksum/hello").json() == expected
    assert json.loads(asyncio.run(async_client.get("/checksum/hello")).content) == expected


def test_the_asgi_entry_point_serves_the_async_view():
    """project.asgi, the module uvicorn loads, answers at the page's address."""
    from asgiref.testing import ApplicationCommunicator

    from project.asgi import application

    async def get(path: str) -> tuple[int, bytes]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1")],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        comm = ApplicationCommunicator(application, scope)
        await comm.send_input({"type": "http.request", "body": b"", "more_body": False})
        start = await comm.receive_output(timeout=10)
        body = await comm.receive_output(timeout=10)
        await comm.wait(timeout=10)
        return start["status"], body["body"]

    status, body = asyncio.run(get("/async_views/dashboard/"))
    assert status == 200 and json.loads(body) == DASHBOARD


def test_runserver_serves_the_same_views_under_wsgi():
    """The page's uvicorn line runs in tests/examples/test_run_it.py; its comment says that
    `python manage.py runserver 8000` serves the same views, under WSGI."""
    typed = "python manage.py runserver 8000"
    assert typed in "\n".join(section("async_views/django_commands.sh", "run"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/async_views/dashboard/"
    with serving(as_typed(shlex.split(typed), port), url, reader_env()) as (status, _, body):
        assert status == 200
        assert json.loads(body) == DASHBOARD


def test_flask_without_the_async_extra_refuses_async_views(monkeypatch):
    """What a reader sees if asgiref is missing: a RuntimeError naming the extra."""
    monkeypatch.setitem(sys.modules, "asgiref.sync", None)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", True)  # raise, as the server log would show
    with pytest.raises(RuntimeError, match="'async' extra"):
        app.test_client().get("/dashboard/")


@pytest.mark.urls("async_views.django_app.urls")
@pytest.mark.parametrize("text", ["%FF%FE", "a" * 10_000, "%00"])
def test_odd_paths_never_cause_a_server_error(client, text):
    """Bytes that are not UTF-8, a long segment, a NUL: each answers without a 500."""
    for response in (app.test_client().get(f"/checksum/{text}"), client.get(f"/checksum/{text}")):
        assert response.status_code < 500


# Where an async view runs: what the page says, on the pinned Flask, Django and asgiref.


def test_flask_runs_each_async_view_in_a_new_event_loop_on_another_thread():
    """Flask hands the view to asgiref's async_to_sync, which runs asyncio.run() in a
    separate thread while the thread that took the request waits."""
    import threading

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


def where_django_runs(settings) -> list[tuple[int, asyncio.AbstractEventLoop]]:
    """Route / to an async view that records its thread and event loop."""
    import threading
    import types

    from django.http import HttpResponse
    from django.urls import path

    seen = []

    async def where(request):
        seen.append((threading.get_ident(), asyncio.get_running_loop()))
        return HttpResponse("ok")

    urls = types.ModuleType("where_urls")
    urls.urlpatterns = [path("", where)]
    settings.ROOT_URLCONF = urls
    return seen


def test_django_under_wsgi_runs_an_async_view_in_a_new_loop_on_another_thread(settings, client):
    import threading

    seen = where_django_runs(settings)
    assert client.get("/").status_code == 200  # the test client is Django's WSGI-style handler
    thread, loop = seen[0]
    assert thread != threading.get_ident() and loop.is_closed()


def test_django_under_asgi_runs_an_async_view_on_the_servers_own_loop(settings, async_client):
    import threading

    seen = where_django_runs(settings)

    async def request():
        response = await async_client.get("/")
        return response.status_code, threading.get_ident(), asyncio.get_running_loop()

    status, thread, loop = asyncio.run(request())
    assert status == 200 and seen == [(thread, loop)]

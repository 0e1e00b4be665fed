"""Websocket frames have a size limit: a 12 MiB frame closes the connection, on real servers.

The limit on a frame is the server's (uvicorn's --ws-max-size, Engine.IO's
max_http_buffer_size), so each topic with websockets is started as its page's
"Run it" types it, against a Redis of the suite's own. Websocket routes are
found by folder: Channels' ``websocket_urlpatterns`` in <topic>.django_app.routing,
and a Flask app that carries Flask-SocketIO.
"""

import json

import pytest
import websocket

from tests.attacks.discovery import EXAMPLES, django_websockets, topics
from tests.conftest import free_port
from tests.examples.apps import KEY, flask_factory
from tests.examples.conftest import section
from tests.examples.services import RunSection
from tests.examples.serving import as_typed, reader_env, serving

BIG = 12 * 1024 * 1024


def socketio_topics():
    apps = {topic: EXAMPLES / topic / "flask_app.py" for topic in topics()}
    apps = {topic: app.read_text(encoding="utf-8") for topic, app in apps.items() if app.exists()}
    return [topic for topic, code in apps.items() if "SocketIO" in code and flask_factory(topic)]


CASES = [pytest.param(t, "flask", "/socket.io/", id=f"{t}-flask") for t in socketio_topics()] + [
    pytest.param(t, "django", r, id=f"{t}-django-{r}") for t, routes in django_websockets().items() for r in routes
]


def closed_after(ws, frame: str) -> bool:
    """True if the server ends the connection after ``frame`` rather than reading it and going on."""
    try:
        ws.send(frame)
    except (websocket.WebSocketException, OSError):
        return True  # cut off while sending
    ws.settimeout(3)
    try:
        while True:  # answers (an error message) are read past; only a close counts
            opcode, _ = ws.recv_data(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                return True
    except websocket.WebSocketTimeoutException:
        return False  # still open, the frame read
    except (websocket.WebSocketException, OSError):
        return True


@pytest.mark.parametrize(("topic", "framework", "route"), CASES)
def test_a_websocket_frame_has_a_size_limit(topic, framework, route, services, verdict):
    v = verdict("body_size", topic, framework)
    run = RunSection.parse(section(f"{topic}/{framework}_commands.sh", "run"))
    (server,) = [step for step in run.steps if RunSection.long_running(step)]
    # the keys: the Run-it may export one too, as a $(python -c ...) the shell would run
    exports = {**run.exports, "REDIS_URL": services["REDIS_URL"], "FLASK_SECRET_KEY": KEY, "DJANGO_SECRET_KEY": KEY}
    env = reader_env(**exports)
    port = free_port()
    page = "/" if framework == "flask" else f"/{topic}/"
    with serving(as_typed(server, port), f"http://127.0.0.1:{port}{page}", env):
        origin = f"http://127.0.0.1:{port}"
        if framework == "flask":
            ws = websocket.create_connection(
                f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket", origin=origin, timeout=10
            )
            ws.recv()  # Engine.IO's open packet
            ws.send("40")  # join the default namespace
            ws.recv()
            frame = "42" + json.dumps(["message", {"text": "x" * BIG}])
        else:
            ws = websocket.create_connection(f"ws://127.0.0.1:{port}/{route}", origin=origin, timeout=10)
            frame = json.dumps({"text": "x" * BIG})
        try:
            v.check(route, closed_after(ws, frame), f"{route} read a 12 MiB frame and kept the connection open")
        finally:
            ws.close()
    v.done()

"""WebSockets: real clients over real servers, with the broadcast going through a real Redis.

Each app is started exactly as its page's "Run it" section types it (gunicorn
for Flask-SocketIO, uvicorn for Channels), on a free port, against a
`redis-server` of the test's own. Flask is driven with python-socketio's
client, Django with websocket-client; both speak to the server over TCP. A message over the
size limit the page sets closes the connection: the attack suite's websocket rule
(tests/attacks/test_websockets.py).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import redis
import socketio
import websocket

from tests.examples.conftest import section
from tests.examples.services import RunSection, redis_server
from tests.examples.serving import page_server

HELLO = {"user": "anonymous", "text": "hello, room"}
ERROR = "Send {'text': ...} with 1 to 500 characters."
FOREIGN = "http://evil.example"
QUIET = 0.3  # seconds a client waits to show that nothing arrives


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


@dataclass
class Server:
    port: int
    page: str  # the chat page's HTML


@contextlib.contextmanager
def started(framework: str, path: str, redis_url: str) -> Iterator[Server]:
    """The page's server command, as typed, on a free port; yields once the chat page at `path` answers."""
    run = RunSection.parse(section(f"realtime/{framework}_commands.sh", "run"))
    assert run.redis[:3] == ["redis-server", "--port", "6379"]
    assert run.exports["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    with page_server(f"realtime/{framework}_commands.sh", path, REDIS_URL=redis_url) as (port, page, _, _):
        assert 'id="messages"' in page
        yield Server(port, page)


@pytest.fixture(scope="module")
def flask_server(redis_url):
    with started("flask", "/", redis_url) as server:
        yield server


@pytest.fixture(scope="module")
def django_server(redis_url):
    with started("django", "/realtime/", redis_url) as server:
        yield server


# One way to talk to either server ---------------------------------------------


@dataclass
class Chat:
    """A connected client: send a message, receive the next one (or None after `timeout`)."""

    send: Callable[[object], None]
    receive: Callable[[float], dict | None]
    close: Callable[[], None]


def flask_chat(port: int) -> Chat:
    client = socketio.SimpleClient()
    client.connect(f"http://127.0.0.1:{port}", transports=["websocket"], wait_timeout=10)

    def receive(timeout: float):
        try:
            event, data = client.receive(timeout=timeout)
        except socketio.exceptions.TimeoutError:
            return None
        return data if event == "chat" else {"error": data["error"], "event": event}

    return Chat(lambda data: client.emit("chat", data), receive, client.disconnect)


def django_chat(port: int) -> Chat:
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{port}/ws/chat/", timeout=10
    )  # sends Origin: http://127.0.0.1:PORT

    def send(data):
        ws.send(data if isinstance(data, str) else json.dumps(data))

    def receive(timeout: float):
        ws.settimeout(timeout)
        try:
            return json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    return Chat(send, receive, ws.close)


@pytest.fixture(params=["flask", "django"])
def framework(request) -> str:
    return request.param


@pytest.fixture
def connect(request, framework):
    """connect() opens one more client on the framework's running server; all are closed afterwards."""
    server = request.getfixturevalue(f"{framework}_server")
    opened: list[Chat] = []

    def open_one() -> Chat:
        chat = (flask_chat if framework == "flask" else django_chat)(server.port)
        opened.append(chat)
        return chat

    yield open_one
    for chat in opened:
        chat.close()


# What the page promises ------------------------------------------------------


def test_the_pages_load_their_websocket_client(flask_server, django_server):
    # Socket.IO needs its own client library, pinned (its integrity: the attack suite's cdn rule);
    # Channels speaks plain WebSocket, so the browser's own API is enough.
    assert "socket.io-client@4.8.4/dist/socket.io.min.js" in flask_server.page
    assert 'crossorigin="anonymous"' in flask_server.page
    assert "new WebSocket(" in django_server.page and "<script src" not in django_server.page


def test_a_message_reaches_every_client_in_the_room_through_redis(connect, framework, redis_url):
    alice, bob = connect(), connect()
    store = redis.Redis.from_url(redis_url, decode_responses=True)
    if framework == "flask":
        # Flask-SocketIO's message queue: every emit is published on this channel.
        assert "flask-socketio" in store.pubsub_channels()
    else:
        # channels-redis keeps each group as a sorted set of channel names.
        assert store.zcard("asgi:group:lobby") >= 2
    alice.send({"text": "  hello, room  "})
    assert bob.receive(10) == HELLO
    assert alice.receive(10) == HELLO  # the sender hears its own message too


@pytest.mark.parametrize(
    "bad", ["not json", {"no": "text"}, {"text": ""}, {"text": "   "}, {"text": "x" * 501}, {"text": 42}, ["text"]]
)
def test_a_malformed_message_gets_an_error_back_and_reaches_nobody(connect, framework, bad):
    if framework == "flask" and bad == "not json":
        bad = "not a dict"  # Socket.IO always sends JSON; a bare string is the nearest mistake
    alice, bob = connect(), connect()
    alice.send(bad)
    answer = alice.receive(10)
    assert answer and answer["error"] == ERROR
    assert bob.receive(QUIET) is None


def test_django_refuses_a_handshake_from_a_foreign_origin(django_server):
    url = f"ws://127.0.0.1:{django_server.port}/ws/chat/"
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, origin=FOREIGN, timeout=10)
    assert refused.value.status_code == 403
    # AllowedHostsOriginValidator also refuses a handshake with no Origin at all.
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, suppress_origin=True, timeout=10)
    assert refused.value.status_code == 403
    websocket.create_connection(url, origin="http://localhost:1234", timeout=10).close()  # ALLOWED_HOSTS ignores ports


def test_flask_refuses_a_handshake_from_a_foreign_origin(flask_server):
    url = f"ws://127.0.0.1:{flask_server.port}/socket.io/?EIO=4&transport=websocket"
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, origin=FOREIGN, timeout=10)
    assert refused.value.status_code == 400
    # The Socket.IO client sees the same refusal as a connection error.
    client = socketio.SimpleClient(websocket_extra_options={"origin": FOREIGN})
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(f"http://127.0.0.1:{flask_server.port}", transports=["websocket"], wait_timeout=10)
    # With no Origin header (not a browser), python-engineio lets the client in.
    websocket.create_connection(url, suppress_origin=True, timeout=10).close()


def test_django_handshake_with_a_session_cookie_works_after_the_pages_migrate(django_server):
    """The Run-it migrates first: without the session table, any sessionid cookie made the handshake a 500."""
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{django_server.port}/ws/chat/",
        origin="http://127.0.0.1",
        cookie="sessionid=not-a-real-session",
        timeout=10,
    )
    ws.send(json.dumps({"text": "hello"}))
    assert json.loads(ws.recv()) == {"user": "anonymous", "text": "hello"}
    ws.close()

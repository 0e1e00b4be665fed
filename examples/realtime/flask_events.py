"""The chat: a page, and the Socket.IO events its script sends and receives."""

from flask import Blueprint, render_template, session
from flask_socketio import emit, join_room

from .flask_app import socketio

chat = Blueprint("chat", __name__)


# --8<-- [start:page]
@chat.get("/")
def room():
    return render_template("chat.html")
# --8<-- [end:page]


# --8<-- [start:consumer]
ROOM = "lobby"
ERROR = "Send {'text': ...} with 1 to 500 characters."


@socketio.on("connect")
def connect(auth=None):
    # The handshake is an HTTP request: the session cookie and
    # Flask-Login's current_user are available here; return False to
    # refuse the connection.
    join_room(ROOM)


@socketio.on("chat")
def chat_message(data):
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str) or not 0 < len(text.strip()) <= 500:
        # To the sender only.
        emit("chat_error", {"error": ERROR})
        return
    # Set at sign-in (see Accounts).
    name = session.get("username", "anonymous")
    # To everyone in the room, the sender included.
    emit("chat", {"user": name, "text": text.strip()}, to=ROOM)
# --8<-- [end:consumer]

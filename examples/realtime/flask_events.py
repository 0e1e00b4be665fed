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


@socketio.on("connect")
def connect(auth=None):
    # The handshake is an HTTP request: the session cookie and Flask-Login's
    # current_user are available here; return False to refuse the connection.
    join_room(ROOM)


@socketio.on("chat")
def chat_message(data):
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str) or not 0 < len(text.strip()) <= 500:
        emit("chat_error", {"error": "Send {'text': ...} with 1 to 500 characters."})  # to the sender only
        return
    name = session.get("username", "anonymous")  # set at sign-in (see Accounts)
    emit("chat", {"user": name, "text": text.strip()}, to=ROOM)  # everyone in the room, sender included
# --8<-- [end:consumer]

"""The chat consumer: one per open WebSocket, all of them in one group."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer

# --8<-- [start:consumer]
ROOM = "lobby"


class ChatConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        # scope["user"] comes from the session cookie (AuthMiddlewareStack);
        # call self.close() instead to refuse the connection.
        await self.channel_layer.group_add(ROOM, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(ROOM, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            text = json.loads(text_data or "")["text"]
        except (ValueError, TypeError, KeyError):
            text = None
        if not isinstance(text, str) or not 0 < len(text.strip()) <= 500:
            await self.send(json.dumps({"error": "Send {'text': ...} with 1 to 500 characters."}))  # to the sender only
            return
        user = self.scope["user"]
        name = user.get_username() if user.is_authenticated else "anonymous"
        await self.channel_layer.group_send(ROOM, {"type": "chat.message", "user": name, "text": text.strip()})

    async def chat_message(self, event):  # handles "chat.message" events sent to the group
        await self.send(json.dumps({"user": event["user"], "text": event["text"]}))
# --8<-- [end:consumer]

"""The chat consumer: one per open WebSocket, all of them in one group."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# --8<-- [start:consumer]
ROOM = "lobby"
ERROR = "Send {'text': ...} with 1 to 500 characters."


class ChatConsumer(AsyncJsonWebsocketConsumer):  # JSON in, JSON out
    async def connect(self):
        # scope["user"] comes from the session cookie (AuthMiddlewareStack);
        # call self.close() instead to refuse the connection.
        await self.channel_layer.group_add(ROOM, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(ROOM, self.channel_name)

    @classmethod
    async def decode_json(cls, text_data):
        # Not JSON: None, which receive_json() answers with the error.
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None

    async def receive_json(self, content, **kwargs):
        if isinstance(content, dict):
            text = content.get("text")
        else:  # a list, a number, or not JSON
            text = None
        if not isinstance(text, str) or not 0 < len(text.strip()) <= 500:
            await self.send_json({"error": ERROR})  # to the sender only
            return
        user = self.scope["user"]
        name = user.get_username() if user.is_authenticated else "anonymous"
        await self.channel_layer.group_send(ROOM, {
            "type": "chat.message", "user": name, "text": text.strip(),
        })

    # Handles the "chat.message" events sent to the group.
    async def chat_message(self, event):
        message = {"user": event["user"], "text": event["text"]}
        await self.send_json(message)
# --8<-- [end:consumer]

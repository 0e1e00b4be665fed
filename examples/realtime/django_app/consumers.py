"""The chat consumer: one per open WebSocket, all of them in one group."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# --8<-- [start:consumer]
ROOM = "lobby"
ERROR = "Send {'text': ...} with 1 to 500 characters."


# JSON in, JSON out.
class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        # scope["user"] comes from the session cookie (by
        # AuthMiddlewareStack); call self.close() instead to refuse the
        # connection.
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
        else:
            # A list, a number, or not JSON.
            text = None
        text = text.strip() if isinstance(text, str) else ""
        if not 0 < len(text) <= 500:
            # To the sender only.
            await self.send_json({"error": ERROR})
            return
        user = self.scope["user"]
        name = "anonymous"
        if user.is_authenticated:
            name = user.get_username()
        await self.channel_layer.group_send(ROOM, {
            "type": "chat.message", "user": name, "text": text,
        })

    # Handles the "chat.message" events sent to the group.
    async def chat_message(self, event):
        message = {"user": event["user"], "text": event["text"]}
        await self.send_json(message)
# --8<-- [end:consumer]

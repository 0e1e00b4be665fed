from django.views.generic import TemplateView


# --8<-- [start:page]
class ChatView(TemplateView):
    template_name = "realtime/chat.html"
# --8<-- [end:page]

# --8<-- [start:protect]
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


# Anonymous visitors go to settings.LOGIN_URL.
class PrivateView(LoginRequiredMixin, TemplateView):
    template_name = "auth/private.html"

    def get_context_data(self, **kwargs):
        session = self.request.session
        session["visits"] = session.get("visits", 0) + 1
        return super().get_context_data(
            visits=session["visits"], **kwargs
        )
# --8<-- [end:protect]

"""Django's own password-reset views, with a 400 for a bad link."""

# --8<-- [start:views]
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse_lazy
from django.views.generic import TemplateView


class ResetView(auth_views.PasswordResetView):
    template_name = "password_reset/form.html"
    email_template_name = "password_reset/email.txt"
    subject_template_name = "password_reset/subject.txt"
    success_url = reverse_lazy("password_reset:sent")


class ConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "password_reset/form.html"
    success_url = reverse_lazy("password_reset:done")

    def render_to_response(self, context, **kwargs):
        # Forged, expired or already used.
        if not context["validlink"]:
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)
# --8<-- [end:views]


class LoginView(auth_views.LoginView):
    template_name = "password_reset/form.html"
    next_page = reverse_lazy("password_reset:account")


class AccountView(LoginRequiredMixin, TemplateView):
    login_url = reverse_lazy("password_reset:login")
    template_name = "password_reset/message.html"

    def get_context_data(self, **kwargs):
        message = f"Signed in as {self.request.user.email}."
        return super().get_context_data(title="Your account", message=message, **kwargs)

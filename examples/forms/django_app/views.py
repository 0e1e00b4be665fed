"""Forms in Django: a signup form, validated on the server."""

# --8<-- [start:view]
from django.contrib import messages
from django.urls import reverse_lazy
from django.views.generic import FormView

from .forms import SignupForm


class SignupView(FormView):
    # GET: an empty form. POST: the form bound to request.POST, then
    # checked.
    template_name = "forms/signup.html"
    form_class = SignupForm
    success_url = reverse_lazy("forms:thanks")

    # Every field's checks passed; CSRF was checked earlier.
    def form_valid(self, form):
        data = form.cleaned_data
        # A real app would save data here (see the Database page).
        messages.success(
            self.request,
            f"Thanks, {data['name']}! "
            f"We will write to {data['email']}.",
        )
        # Redirects to success_url.
        return super().form_valid(form)

    # A POST with errors: FormView's form_invalid() shows the form
    # again, with the errors.
# --8<-- [end:view]

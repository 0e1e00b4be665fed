"""Forms in Django: a signup form, validated on the server."""

# --8<-- [start:view]
from django.contrib import messages
from django.shortcuts import redirect, render

from .forms import SignupForm


def signup(request):
    if request.method == "POST":
        form = SignupForm(request.POST)  # bound: it holds the submitted data
        if form.is_valid():  # every field's checks passed; CSRF was checked earlier
            data = form.cleaned_data
            # A real app would save data here (see the Database page).
            messages.success(request, f"Thanks, {data['name']}! We will write to {data['email']}.")
            return redirect("forms:thanks")
    else:
        form = SignupForm()  # unbound: an empty form
    # A GET, or a POST with errors: show the form, with the errors if any.
    return render(request, "forms/signup.html", {"form": form})


def thanks(request):
    return render(request, "forms/thanks.html")
# --8<-- [end:view]

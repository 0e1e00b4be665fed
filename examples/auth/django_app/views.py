# --8<-- [start:protect]
from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required  # anonymous visitors go to settings.LOGIN_URL
def private(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return render(request, "auth/private.html", {"visits": request.session["visits"]})
# --8<-- [end:protect]

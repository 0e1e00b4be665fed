# --8<-- [start:app]
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .models import Note


@require_http_methods(["GET", "POST"])
def notes(request):
    if request.method == "POST":
        text = request.POST.get("text", "").strip()
        if text:
            Note.objects.create(text=text)
            return redirect("testing:notes")
        context = {"notes": Note.objects.order_by("id"), "error": "Write something first."}
        return render(request, "testing/notes.html", context, status=400)
    return render(request, "testing/notes.html", {"notes": Note.objects.order_by("id")})
# --8<-- [end:app]

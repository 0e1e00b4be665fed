# --8<-- [start:view]
from django.shortcuts import render


def page(request):
    # The template finds the CSS file's URL with {% static %}.
    return render(request, "static/page.html")
# --8<-- [end:view]

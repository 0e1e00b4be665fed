"""A JSON API in Django that a front end on another origin calls.

The CORS headers come from django-cors-headers' middleware (settings.py).
"""

import json

from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

# Kept in memory so the page is about CORS; a real app uses a model.
BOOKS = [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Kindred"}]
# The list stops growing here, so no client can fill the memory.
MAX_BOOKS = 100


# --8<-- [start:api]
# JSON only: before another origin may send it, the browser asks
# (a preflight), and only a listed origin gets a yes. That is what
# stands in for the CSRF token here.
@method_decorator(csrf_exempt, name="dispatch")
class BookList(View):
    http_method_names = ["get", "head", "post", "options"]

    def get(self, request):
        return JsonResponse({"books": BOOKS})

    def post(self, request):
        try:
            json_body = request.content_type == "application/json"
            data = json.loads(request.body) if json_body else None
        except (ValueError, RecursionError):
            data = None
        title = data.get("title") if isinstance(data, dict) else None
        title = title.strip() if isinstance(title, str) else ""
        if not 0 < len(title) <= 200:
            error = "Send a title of 1 to 200 characters."
            return JsonResponse({"error": error}, status=400)
        if len(BOOKS) >= MAX_BOOKS:
            error = "The list is full."
            return JsonResponse({"error": error}, status=409)
        book = {"id": len(BOOKS) + 1, "title": title}
        BOOKS.append(book)
        return JsonResponse(book, status=201)
# --8<-- [end:api]

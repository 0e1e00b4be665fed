"""A small JSON API in Django with plain views: list books, fetch one, add one.

Function views are the usual idiom for a JSON endpoint this small.
"""

import json

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

# Kept in memory so the page is about JSON; a real app would use a model.
BOOKS = [
    {"id": 1, "title": "Dune", "year": 1965},
    {"id": 2, "title": "Kindred", "year": 1979},
]


# --8<-- [start:read]
# The client sends no cookies, so there is no session for CSRF to abuse.
@csrf_exempt
# HEAD: what a GET would answer, without the body.
@require_http_methods(["GET", "HEAD", "POST"])
def books(request):
    """One URL, two methods: GET lists the books, POST adds one."""
    if request.method == "POST":
        return create_book(request)
    return JsonResponse({"books": BOOKS})


# GET and HEAD only.
@require_safe
def book(request, book_id):
    for item in BOOKS:
        if item["id"] == book_id:
            return JsonResponse(item)
    # Raising Http404 would render Django's HTML page: answer in JSON.
    error = {"error": f"No book with id {book_id}."}
    return JsonResponse(error, status=404)
# --8<-- [end:read]


# --8<-- [start:create]
def problems_with(data):
    """The validation errors in a new book, by field name."""
    errors = {}
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        errors["title"] = "A non-empty string is required."
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        errors["year"] = "A whole number is required."
    return errors


def create_book(request):
    try:
        # Only a JSON body, as Flask's get_json() does: an HTML form on
        # another site can send "text/plain" that happens to parse as
        # JSON, never "application/json".
        if request.content_type == "application/json":
            data = json.loads(request.body)
        else:
            data = None
    except (ValueError, RecursionError):
        # Not JSON, or nested deeper than the parser goes.
        data = None
    if not isinstance(data, dict):
        error = {"error": "Send a JSON object."}
        return JsonResponse(error, status=400)
    errors = problems_with(data)
    if errors:
        return JsonResponse({"errors": errors}, status=422)
    item = {
        "id": max(b["id"] for b in BOOKS) + 1,
        "title": data["title"].strip(),
        "year": data["year"],
    }
    BOOKS.append(item)
    location = reverse("api:book", args=[item["id"]])
    return JsonResponse(
        item, status=201, headers={"Location": location}
    )
# --8<-- [end:create]

"""Routing in Django: the views that routing/django_app/urls.py points at."""

# --8<-- [start:static]
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape, format_html
from django.views import View
from django.views.decorators.http import require_safe

# A stand-in for a database table, so the example runs on its own.
BOOKS = {1: "Dune", 2: "Emma"}


# GET and HEAD, as a Flask GET route; anything else gets 405.
@require_safe
def index(request):
    return HttpResponse("Welcome to the bookshop")


@require_safe
def about(request):
    return HttpResponse("A small shop for second-hand books")
# --8<-- [end:static]


# --8<-- [start:converters]
@require_safe
def book_detail(request, book_id):
    # book_id is already an int; /books/abc/ never reaches this view.
    if book_id not in BOOKS:
        raise Http404(f"No book {book_id}")
    # HttpResponse is sent as HTML: format_html() escapes each argument.
    page = format_html("Book {}: {}", book_id, BOOKS[book_id])
    return HttpResponse(page)


@require_safe
def tag(request, tag):
    return HttpResponse(format_html("Books tagged {}", tag))


@require_safe
def download(request, name):
    # path matches slashes too: /files/covers/2024/dune.jpg
    return HttpResponse(format_html("File {}", name))
# --8<-- [end:converters]


# --8<-- [start:methods]
class BookList(View):
    """One URL, a method per HTTP verb.

    View answers HEAD with get() and any other verb with 405.
    """

    def get(self, request):
        return HttpResponse(escape(", ".join(BOOKS.values())))

    def post(self, request):
        title = request.POST.get("title", "").strip()
        if not title:
            return HttpResponseBadRequest("A title is required.")
        book_id = max(BOOKS) + 1
        BOOKS[book_id] = title
        # Send the browser to the new book's page (a GET), so a reload
        # does not post the form twice.
        return redirect("routing:book-detail", book_id=book_id)
# --8<-- [end:methods]


# --8<-- [start:reverse]
@require_safe
def links(request):
    # reverse takes "namespace:name" from urls.py, never the function.
    return JsonResponse({
        "about": reverse("routing:about"),
        "dune": reverse("routing:book-detail", kwargs={"book_id": 1}),
        "tag": reverse("routing:tag", args=["science-fiction"]),
        "cover": reverse(
            "routing:download", kwargs={"name": "covers/dune.jpg"}
        ),
        "search": reverse("routing:book-list", query={"q": "emma"}),
    })
# --8<-- [end:reverse]

# Small JSON endpoints: function views are the idiom here; the forms do the checking.
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST, require_safe

from .forms import BookForm, BookQuery
from .models import Book


# --8<-- [start:create]
@require_POST
def add_book(request):
    # Checks every field; "year" becomes an int.
    form = BookForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    # INSERT, then book.id is set.
    book = form.save()
    return JsonResponse({"id": book.id}, status=201)
# --8<-- [end:create]


# --8<-- [start:query]
@require_safe
def list_books(request):
    query = BookQuery(request.GET)
    # ?since=abc: say so, instead of a 500.
    if not query.is_valid():
        return JsonResponse({"errors": query.errors}, status=400)
    # No query runs yet.
    found = Book.objects.order_by("year")
    if author := query.cleaned_data["author"]:
        found = found.filter(author=author)
    if (since := query.cleaned_data["since"]) is not None:
        found = found.filter(year__gte=since)
    # At most 50: an answer does not grow with the table.
    books = [f"{book.title} ({book.year})" for book in found[:50]]
    return JsonResponse({"books": books})


@require_safe
def show_book(request, book_id):
    # A 404 page if no row matches.
    book = get_object_or_404(Book, pk=book_id)
    return JsonResponse(
        {"title": book.title, "author": book.author, "year": book.year}
    )
# --8<-- [end:query]

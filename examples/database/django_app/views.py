from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import Book


# --8<-- [start:create]
@require_POST
def add_book(request):
    book = Book.objects.create(  # INSERT, then book.id is set
        title=request.POST["title"],
        author=request.POST["author"],
        year=int(request.POST["year"]),
    )
    return JsonResponse({"id": book.id}, status=201)
# --8<-- [end:create]


# --8<-- [start:query]
@require_GET
def list_books(request):
    found = Book.objects.order_by("year")  # no query runs yet
    if author := request.GET.get("author"):
        found = found.filter(author=author)
    if since := request.GET.get("since"):
        found = found.filter(year__gte=int(since))
    return JsonResponse({"books": [f"{book.title} ({book.year})" for book in found]})


@require_GET
def show_book(request, book_id):
    book = get_object_or_404(Book, pk=book_id)  # a 404 page if no row matches
    return JsonResponse({"title": book.title, "author": book.author, "year": book.year})
# --8<-- [end:query]

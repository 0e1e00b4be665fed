from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Status

from .models import Book
from .schemas import BookIn, BookOut

# --8<-- [start:views]
api = NinjaAPI(title="Books", version="1.0.0", urls_namespace="api_frameworks")


@api.get("/books/", response=list[BookOut])
def list_books(request):
    """List every book"""
    return Book.objects.order_by("id")


@api.post("/books/", response={201: BookOut})
def create_book(request, payload: BookIn):  # the JSON body, validated, or a 422
    """Add a book"""
    return Status(201, Book.objects.create(**payload.model_dump()))


@api.get("/books/{book_id}", response=BookOut)
def get_book(request, book_id: int):
    """Fetch one book"""
    return get_object_or_404(Book, id=book_id)  # Http404 becomes a JSON 404
# --8<-- [end:views]

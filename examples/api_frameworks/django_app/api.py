from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.parser import Parser

from .models import Book
from .schemas import BookIn, BookOut


# --8<-- [start:views]
class JSONOnly(Parser):
    """A body that is not application/json is a 400, never parsed."""

    def parse_body(self, request):
        # A text/plain POST needs no CORS preflight: any site can send
        # one.
        if request.content_type != "application/json":
            raise ValueError("Send the body as application/json.")
        return super().parse_body(request)


class Pages(PageNumberPagination):
    class Input(Schema):
        # A cap on the page number: past it the OFFSET overflows
        # SQLite's integers, and the database error would be a 500.
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1)


api = NinjaAPI(
    title="Books", version="1.0.0", urls_namespace="api_frameworks",
    parser=JSONOnly(),
)


@api.get("/books/", response=list[BookOut])
# ?page=2&page_size=50: 10 a page by default, 100 at most.
@paginate(Pages, page_size=10, max_page_size=100)
def list_books(request):
    """List the books, a page at a time"""
    return Book.objects.order_by("id")


@api.post("/books/", response={201: BookOut})
# payload: the JSON body, validated, or a 422.
def create_book(request, payload: BookIn):
    """Add a book"""
    return Status(201, Book.objects.create(**payload.model_dump()))


@api.get("/books/{book_id}", response=BookOut)
def get_book(request, book_id: int):
    """Fetch one book"""
    # Django Ninja turns the Http404 into a JSON 404.
    return get_object_or_404(Book, id=book_id)
# --8<-- [end:views]

import asyncio

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Book

# --8<-- [start:endpoints]
NUMBERS = list(range(1, 11))


@require_safe
def text(request):
    return HttpResponse("Hello, world!", content_type="text/plain")


@require_safe
def json_view(request):
    return JsonResponse(
        {"message": "Hello, world!", "numbers": NUMBERS}
    )


@require_safe
def page(request):
    return render(
        request,
        "bench/page.html",
        {"title": "Ten numbers", "numbers": NUMBERS},
    )


@require_safe
def books(request):
    found = Book.objects.order_by("id")[:10]
    rows = [
        {"title": b.title, "author": b.author, "year": b.year}
        for b in found
    ]
    return JsonResponse({"books": rows})


@require_safe
async def wait(request):
    # Stands in for a 10 ms call to another service.
    await asyncio.sleep(0.01)
    return JsonResponse({"waited_ms": 10})
# --8<-- [end:endpoints]

import asyncio
import hashlib

from asgiref.sync import sync_to_async
from django.http import JsonResponse


# --8<-- [start:view]
async def fetch_weather(steps):
    steps.append("weather: start")
    # Stands in for an HTTP call or a database query.
    await asyncio.sleep(0)
    steps.append("weather: done")
    return "sunny"


async def fetch_headlines(steps):
    steps.append("headlines: start")
    await asyncio.sleep(0)
    steps.append("headlines: done")
    return ["Release day", "Meet-up on Friday"]


async def dashboard(request):
    steps = []
    weather, headlines = await asyncio.gather(
        fetch_weather(steps), fetch_headlines(steps)
    )
    return JsonResponse(
        {"weather": weather, "headlines": headlines, "steps": steps}
    )
# --8<-- [end:view]


# --8<-- [start:blocking]
def checksum(text):
    # Ordinary blocking code: a slow library call, file read, CPU work.
    return hashlib.sha256(text.encode()).hexdigest()


async def checksum_view(request, text):
    # Under ASGI all requests share one event loop: run blocking work
    # in a thread. thread_sensitive=False allows a pool of threads;
    # leave it True for ORM calls.
    digest = await sync_to_async(checksum, thread_sensitive=False)(text)
    return JsonResponse({"text": text, "sha256": digest})
# --8<-- [end:blocking]

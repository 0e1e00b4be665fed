"""Async views in Flask: needs the flask[async] extra (asgiref)."""

import asyncio
import hashlib

from flask import Blueprint, Flask

views = Blueprint("views", __name__)


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


@views.get("/dashboard/")
async def dashboard():
    steps = []
    weather, headlines = await asyncio.gather(
        fetch_weather(steps), fetch_headlines(steps)
    )
    return {"weather": weather, "headlines": headlines, "steps": steps}


def create_app():
    app = Flask(__name__)
    app.register_blueprint(views)
    return app
# --8<-- [end:view]


# --8<-- [start:blocking]
def checksum(text):
    # Ordinary blocking code: a slow library call, file read, CPU work.
    return hashlib.sha256(text.encode()).hexdigest()


@views.get("/checksum/<text>")
async def checksum_view(text):
    # Each request has its own thread, so blocking here holds up only
    # this request.
    return {"text": text, "sha256": checksum(text)}
# --8<-- [end:blocking]

"""A request id for every request: on each log line and in the X-Request-ID response header."""

# --8<-- [start:request_id]
import contextvars
import logging
import re
import uuid

# A context variable, not a global: each request (thread or task)
# sees its own value.
request_id = contextvars.ContextVar("request_id", default="-")
# An id from the proxy in front is kept if it looks like one; anything
# else is replaced.
SAFE_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        if SAFE_ID.fullmatch(incoming):
            value = incoming
        else:
            value = uuid.uuid4().hex
        token = request_id.set(value)
        try:
            # A view's exception is a 500 response by now.
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = value
        return response


class RequestIdFilter(logging.Filter):
    """Give every record a request_id: the current request's, or "-"
    outside a request."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True
# --8<-- [end:request_id]

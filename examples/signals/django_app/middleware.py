# --8<-- [start:hooks]
import logging
import time

log = logging.getLogger(__name__)


class TimingMiddleware:
    """Django's before_request and after_request: code around
    get_response()."""

    # Called once, at start-up.
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        log.debug("middleware: before the view")
        # The next middleware, then the view.
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed:.1f}"
        log.debug("middleware: after the view")
        return response
# --8<-- [end:hooks]

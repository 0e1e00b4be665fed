# --8<-- [start:views]
import logging

from django.http import JsonResponse
from django.views import View

log = logging.getLogger(__name__)


class OrderView(View):
    def get(self, request, order_id):
        log.info("showing order %s", order_id)
        return JsonResponse({"id": order_id})


class BoomView(View):
    def get(self, request):
        log.info("about to fail")
        # A bug: production answers 500 and logs the traceback.
        return JsonResponse({"ratio": 1 / 0})
# --8<-- [end:views]

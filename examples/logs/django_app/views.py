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
        return JsonResponse({"ratio": 1 / 0})  # a bug: production answers 500 and logs the traceback
# --8<-- [end:views]

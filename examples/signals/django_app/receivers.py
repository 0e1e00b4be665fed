"""Receivers of the signals example, connected by SignalsConfig.ready()."""

import logging

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order
from .signals import order_placed

log = logging.getLogger(__name__)


# --8<-- [start:signals]
# WSGI sends environ=..., ASGI scope=...: take **kwargs.
@receiver(request_started)
def on_request_started(sender, **kwargs):
    log.debug("request_started")


# Sent when the server closes the response.
@receiver(request_finished)
def on_request_finished(sender, **kwargs):
    log.debug("request_finished")
# --8<-- [end:signals]


# --8<-- [start:model_event]
# Only for Order, not for every model.
@receiver(post_save, sender=Order)
def order_saved(sender, instance, created, **kwargs):
    log.debug(
        "post_save: order %s (%s), created=%s",
        instance.pk,
        instance.item,
        created,
    )
# --8<-- [end:model_event]


# --8<-- [start:custom]
@receiver(order_placed)
def send_confirmation(sender, order, **kwargs):
    log.debug("order_placed: confirm order %s", order.pk)
# --8<-- [end:custom]

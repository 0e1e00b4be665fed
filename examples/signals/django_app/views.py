# --8<-- [start:custom]
from django.urls import reverse_lazy
from django.views.generic import CreateView

from .models import Order
from .signals import order_placed


class OrderCreate(CreateView):
    model = Order
    fields = ["item"]
    template_name = "signals/orders.html"
    success_url = reverse_lazy("signals:orders")

    def get_context_data(self, **kwargs):
        # The 50 newest orders: the page does not grow with the table.
        newest = Order.objects.order_by("-id")[:50]
        return super().get_context_data(orders=newest, **kwargs)

    def form_valid(self, form):
        # Saves the order, which sends post_save.
        response = super().form_valid(form)
        order_placed.send(sender=self.__class__, order=self.object)
        return response
# --8<-- [end:custom]

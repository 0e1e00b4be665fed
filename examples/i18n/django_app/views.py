# --8<-- [start:mark]
from django.utils.translation import ngettext
from django.views.generic import TemplateView


class IndexView(TemplateView):
    template_name = "i18n/index.html"

    def get_context_data(self, **kwargs):
        try:
            items = int(self.request.GET.get("items", 0))
        except ValueError:  # not a number: 0
            items = 0
        # ngettext picks the singular or plural form the language needs.
        basket = ngettext(
            "You have %(num)d item in your basket.", "You have %(num)d items in your basket.", items
        ) % {"num": items}
        return super().get_context_data(basket=basket, **kwargs)
# --8<-- [end:mark]

# --8<-- [start:mark]
from django import forms
from django.utils.translation import ngettext
from django.views.generic import TemplateView


# Reads and checks ?items=.
class BasketQuery(forms.Form):
    items = forms.IntegerField(required=False)


class IndexView(TemplateView):
    template_name = "i18n/index.html"

    def get_context_data(self, **kwargs):
        query = BasketQuery(self.request.GET)
        # Not a number, or missing: 0.
        valid = query.is_valid() and query.cleaned_data["items"]
        items = query.cleaned_data["items"] if valid else 0
        # ngettext picks the singular or plural form the language needs.
        basket = ngettext(
            "You have %(num)d item in your basket.",
            "You have %(num)d items in your basket.",
            items,
        ) % {"num": items}
        return super().get_context_data(basket=basket, **kwargs)
# --8<-- [end:mark]

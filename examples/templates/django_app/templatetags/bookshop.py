# --8<-- [start:filter]
from django import template

register = template.Library()


@register.filter
def stars(rating):
    """4 -> "★★★★☆".

    Usable after {% load bookshop %} as {{ book.rating|stars }}.
    """
    return "★" * rating + "☆" * (5 - rating)
# --8<-- [end:filter]

# --8<-- [start:read]
from django.conf import settings
from django.http import JsonResponse


def show_settings(request):
    # django.conf.settings is the module DJANGO_SETTINGS_MODULE names,
    # loaded once. An app reads its own settings with a default, so
    # projects may leave them out.
    return JsonResponse({
        "debug": settings.DEBUG,
        "greeting": getattr(settings, "GREETING", "Hello"),
        "items_per_page": getattr(settings, "ITEMS_PER_PAGE", 20),
    })
# --8<-- [end:read]

"""The URLs of the i18n example's settings: its pages under a language prefix."""

# --8<-- [start:select]
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

# i18n_patterns is allowed only in the root URLconf: /en/i18n/,
# /fr/i18n/.
urlpatterns = i18n_patterns(
    path("i18n/", include("i18n.django_app.urls"))
)
# --8<-- [end:select]

"""Settings for the i18n example: the project's settings plus languages and LocaleMiddleware.

Select it with DJANGO_SETTINGS_MODULE=i18n.django_app.settings.
"""

from project.settings import *  # noqa: F403  (the shared base)

# --8<-- [start:select]
# The language when nothing else decides.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
USE_I18N = True
# After sessions, before CommonMiddleware: picks the language from the
# URL prefix, or for /i18n/ from the cookie, Accept-Language or
# LANGUAGE_CODE.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "django.middleware.locale.LocaleMiddleware",
)
ROOT_URLCONF = "i18n.django_app.root_urls"
# --8<-- [end:select]

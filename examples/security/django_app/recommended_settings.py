"""Security settings this page recommends, to copy into a project's settings.py.

The examples project does not load this file, so that `runserver` on plain
HTTP keeps working; deployment/django_app/settings_production.py turns the
same settings on for production.
"""

# --8<-- [start:cookies]
# The default: page scripts cannot read it.
SESSION_COOKIE_HTTPONLY = True
# Default False: send it over HTTPS only.
SESSION_COOKIE_SECURE = True
# The default.
SESSION_COOKIE_SAMESITE = "Lax"
# Default False: the same for the CSRF cookie.
CSRF_COOKIE_SECURE = True
# --8<-- [end:cookies]

# --8<-- [start:clickjacking]
# The default since Django 3.0; XFrameOptionsMiddleware (in
# MIDDLEWARE by default) sends it. Use "SAMEORIGIN" if your own pages
# frame each other.
X_FRAME_OPTIONS = "DENY"
# --8<-- [end:clickjacking]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
DJANGO_SETTINGS_MODULE=configuration.django_app.settings_production \
  DJANGO_SECRET_KEY=change-me DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_ITEMS_PER_PAGE=30 \
  python manage.py runserver 8000
# --8<-- [end:run]

# In a second terminal; under it, what curl prints.
# --8<-- [start:check]
curl http://127.0.0.1:8000/configuration/
# {"debug": false, "greeting": "Hello", "items_per_page": 30}
# --8<-- [end:check]

# diffsettings prints every setting that differs from Django's defaults
# (### marks settings Django does not define). A few lines of its output:
# --8<-- [start:inspect]
cd examples
DJANGO_SECRET_KEY=change-me DJANGO_ALLOWED_HOSTS=example.com \
  python manage.py diffsettings --settings configuration.django_app.settings_production
# ALLOWED_HOSTS = ['example.com']
# ITEMS_PER_PAGE = 50  ###
# SECRET_KEY = 'change-me'
# SESSION_COOKIE_SECURE = True
# --8<-- [end:inspect]

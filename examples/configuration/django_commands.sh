# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
DJANGO_SETTINGS_MODULE=configuration.django_app.settings_production \
  DJANGO_SECRET_KEY=change-me DJANGO_ALLOWED_HOSTS=127.0.0.1 \
  DJANGO_ITEMS_PER_PAGE=30 \
  python manage.py runserver 8000
# --8<-- [end:run]

# In a second terminal; under it, what curl prints.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/configuration/
# {"debug": false, "greeting": "Hello", "items_per_page": 30}
# --8<-- [end:expect]

# diffsettings prints every setting that differs from Django's defaults
# (### marks settings Django does not define). A few lines of its output:
# --8<-- [start:inspect]
DJANGO_SECRET_KEY=change-me DJANGO_ALLOWED_HOSTS=example.com \
  python manage.py diffsettings \
  --settings configuration.django_app.settings_production
# ALLOWED_HOSTS = ['example.com']
# ITEMS_PER_PAGE = 50  ###
# SECRET_KEY = 'change-me'
# SESSION_COOKIE_SECURE = True
# --8<-- [end:inspect]

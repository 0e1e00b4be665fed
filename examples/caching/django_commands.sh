# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django redis
# --8<-- [end:install]
# --8<-- [start:run]
redis-server --port 6379 --save "" --appendonly no &
export REDIS_URL=redis://127.0.0.1:6379/0
export DJANGO_SETTINGS_MODULE=caching.django_app.settings
python manage.py migrate
# The shell imports every model (Django 5.2 and later).
python manage.py shell -c \
    "Product.objects.create(name='Teapot', stock=12)"
python manage.py runserver 8000
# --8<-- [end:run]
# In a second terminal: the first request fills the cache, the second is read from it.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/caching/products/
# <li><a href="/caching/products/1/">
# Teapot</a>: 12 in stock</li>
curl http://127.0.0.1:8000/caching/products/
# <li><a href="/caching/products/1/">
# Teapot</a>: 12 in stock</li>
# --8<-- [end:expect]

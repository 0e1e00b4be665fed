# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
export DJANGO_SETTINGS_MODULE=logs.django_app.settings
# DEBUG off: errors answer 500, as in production.
DJANGO_DEBUG=0 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/logs/orders/7/
# HTTP/1.1 200 OK
# X-Request-ID: ...
# {"id": 7}
curl -i -H "X-Request-ID: proxy-id-42" http://127.0.0.1:8000/logs/boom/
# HTTP/1.1 500 Internal Server Error
# X-Request-ID: proxy-id-42
# --8<-- [end:expect]

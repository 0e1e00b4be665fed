# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
export DJANGO_SETTINGS_MODULE=logs.django_app.settings
DJANGO_DEBUG=0 python manage.py runserver 8000  # DEBUG off: errors answer 500, as in production
# In a second terminal:
curl -i http://127.0.0.1:8000/logs/orders/7/
curl -i -H "X-Request-ID: from-the-proxy-42" http://127.0.0.1:8000/logs/boom/
# --8<-- [end:run]

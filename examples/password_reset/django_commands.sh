# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django aiosmtpd
# --8<-- [end:install]
# --8<-- [start:run]
# An SMTP server on localhost:8025 that prints each message
python -m aiosmtpd -n &
export DJANGO_SETTINGS_MODULE=password_reset.django_app.settings
python manage.py migrate
# Asks for a password twice
python manage.py createsuperuser --username alice \
    --email alice@example.com
python manage.py runserver 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/password_reset/reset/, ask for alice@example.com, follow the printed link.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/password_reset/reset/
# <input type="hidden" name="csrfmiddlewaretoken" value="...">
curl -i -H Host:evil.example http://127.0.0.1:8000/password_reset/reset/
# HTTP/1.1 400 Bad Request
# --8<-- [end:expect]

# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# Creates the user and session tables.
python manage.py migrate
# Asks for a password twice.
python manage.py createsuperuser --username alice \
    --email alice@example.com
# Debug mode, for development only.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/auth/private/
# HTTP/1.1 302 Found
# Location: /auth/login/?next=/auth/private/
curl http://127.0.0.1:8000/auth/login/
# <input type="hidden" name="csrfmiddlewaretoken" value="...">
# --8<-- [end:expect]

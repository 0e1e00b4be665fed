# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# Debug mode, for development only
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl 127.0.0.1:8000/forms/signup/
# <h1>Sign up</h1>
# <input type="hidden" name="csrfmiddlewaretoken" value="...">
# <input type="email" name="email" maxlength="320" required ...>
curl -i -d "name=Ada&email=ada@example.com" 127.0.0.1:8000/forms/signup/
# HTTP/1.1 403 Forbidden
# <p>CSRF verification failed. Request aborted.</p>
# --8<-- [end:expect]

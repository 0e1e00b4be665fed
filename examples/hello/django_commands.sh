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
curl http://127.0.0.1:8000/
# Hello from Django!
# --8<-- [end:expect]

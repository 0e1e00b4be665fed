# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
DJANGO_DEBUG=1 python manage.py runserver 8000  # debug mode, for development only
# --8<-- [end:run]

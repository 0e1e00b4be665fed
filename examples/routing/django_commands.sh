# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py check
# DJANGO_DEBUG=1: debug mode, whose 404 page lists the URL patterns it tried.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]

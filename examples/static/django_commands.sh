# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
DJANGO_DEBUG=1 python manage.py runserver 8000  # runserver serves static files only in debug mode
# --8<-- [end:run]

# --8<-- [start:collect]
cd examples
python manage.py collectstatic --noinput
# Copies every app's static/ folder (and the admin's) into STATIC_ROOT.
# --8<-- [end:collect]

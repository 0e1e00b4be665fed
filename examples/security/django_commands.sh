# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py migrate
DJANGO_DEBUG=1 python manage.py runserver 8000  # debug mode, for development only
# then open http://localhost:8000/security/comment/
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py migrate  # creates the user and session tables
python manage.py createsuperuser --username alice --email alice@example.com
python manage.py changepassword alice  # to set a new password later
DJANGO_DEBUG=1 python manage.py runserver 8000  # debug mode, for development only
# Then open http://127.0.0.1:8000/auth/private/
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py test testing.django_app
# --8<-- [end:run]

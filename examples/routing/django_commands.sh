# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py check
python manage.py runserver 8000
# --8<-- [end:run]

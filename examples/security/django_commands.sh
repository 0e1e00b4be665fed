# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py migrate
python manage.py runserver 8000
# then open http://localhost:8000/security/comment/
# --8<-- [end:run]

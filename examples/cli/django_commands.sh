# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python manage.py greet Ada --times 2 --shout
python manage.py site info
python manage.py site setting TIME_ZONE
python manage.py help
# --8<-- [end:run]

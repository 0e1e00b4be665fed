# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
export DJANGO_SETTINGS_MODULE=signals.django_app.settings
python manage.py migrate
python manage.py runserver 8000
# Open http://127.0.0.1:8000/signals/orders/, place an order, and read the terminal.
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
export DJANGO_SETTINGS_MODULE=uploads.django_app.settings
python manage.py migrate
python manage.py runserver 8000
# Open http://127.0.0.1:8000/uploads/ and upload a PNG, JPEG or PDF file;
# it lands in examples/media/uploads/<year>/<month>/.
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Django==6.1.3 django-tasks-db==0.13.0
# On Django 5.2 LTS add the backport: pip install django-tasks==0.12.0
cd examples
export DJANGO_SETTINGS_MODULE=tasks.django_app.settings
python manage.py migrate
# The worker: polls the database and runs the tasks it finds, one at a time.
python manage.py db_worker &
python manage.py runserver 8000
# Open http://127.0.0.1:8000/tasks/, submit some text, and follow the redirect.
# --8<-- [end:run]

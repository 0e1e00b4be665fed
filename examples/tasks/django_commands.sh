# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages: on Django 5.2 LTS also django-tasks, the
# backport of django.tasks. The page adds the versions this site tests.
# --8<-- [start:install]
pip install Django django-tasks-db django-tasks
# --8<-- [end:install]
# --8<-- [start:run]
export DJANGO_SETTINGS_MODULE=tasks.django_app.settings
python manage.py migrate
# The worker: polls the database and runs each task it finds, in turn.
python manage.py db_worker &
python manage.py runserver 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/tasks/ in a browser, submit some text, and follow the redirect.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/tasks/
# <input type="hidden" name="csrfmiddlewaretoken" value="...">
curl -i --data "text=Count these words" http://127.0.0.1:8000/tasks/
# HTTP/1.1 403 Forbidden
# --8<-- [end:expect]

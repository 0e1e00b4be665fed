# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:serve]
cd examples
export DJANGO_SETTINGS_MODULE=bench.django_app.settings
key="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_SECRET_KEY="$key"
python manage.py migrate
python manage.py seed_bench --rows 300
python manage.py createsuperuser \
  --username staff --email staff@example.com
gunicorn --workers 2 --bind 127.0.0.1:8000 project.wsgi
# Serves /wait/
uvicorn --workers 2 --port 8001 project.asgi:application
# --8<-- [end:serve]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
export DJANGO_SETTINGS_MODULE=deployment.django_app.settings_production
export DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS=www.example.com
python manage.py check --deploy --fail-level WARNING
python manage.py collectstatic --noinput
gunicorn --workers 2 --bind 127.0.0.1:8000 project.wsgi
# --8<-- [end:run]

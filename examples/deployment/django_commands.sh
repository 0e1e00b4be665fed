# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django gunicorn
# --8<-- [end:install]
# --8<-- [start:run]
export DJANGO_SETTINGS_MODULE=deployment.django_app.settings_production
key="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_SECRET_KEY="$key"
export DJANGO_ALLOWED_HOSTS=www.example.com
python manage.py check --deploy --fail-level WARNING
python manage.py collectstatic --noinput
gunicorn --workers 2 --bind 127.0.0.1:8000 project.wsgi
# --8<-- [end:run]
# In a second terminal, as the proxy in front would ask: first over plain HTTP, then saying the client used HTTPS.
# --8<-- [start:expect]
curl -i -H "Host: www.example.com" http://127.0.0.1:8000/admin/login/
# HTTP/1.1 301 Moved Permanently
# Location: https://www.example.com/admin/login/
curl -i -H "Host: www.example.com" -H "X-Forwarded-Proto: https" \
    http://127.0.0.1:8000/admin/login/
# HTTP/1.1 200 OK
# Server: gunicorn
# Strict-Transport-Security: max-age=3600; includeSubDomains
# --8<-- [end:expect]

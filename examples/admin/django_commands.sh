# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# --8<-- [start:protect]
python manage.py migrate
# Only active staff users may sign in to the admin; a superuser may
# do everything, other staff only what their permissions (set in the
# admin itself) allow.
# Asks for a username, an email and a password
python manage.py createsuperuser
# --8<-- [end:protect]
# DJANGO_DEBUG=1: debug mode, which also serves the admin's CSS and
# scripts.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/admin/ in a browser and sign in as that user.
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/admin/
# HTTP/1.1 302 Found
# Location: /admin/login/?next=/admin/
# --8<-- [end:expect]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:protect]
cd examples
python manage.py migrate
# Only active staff users may sign in to the admin; a superuser may do everything,
# other staff only what their permissions (set in the admin itself) allow.
python manage.py createsuperuser  # asks for a username, an email and a password
# --8<-- [end:protect]
# --8<-- [start:run]
# DJANGO_DEBUG=1: debug mode, which also serves the admin's CSS and scripts.
DJANGO_DEBUG=1 python manage.py runserver 8000
# Then open http://127.0.0.1:8000/admin/ and sign in as that user.
# --8<-- [end:run]

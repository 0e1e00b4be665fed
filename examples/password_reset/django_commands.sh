# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install aiosmtpd==1.4.6  # already installed by this site's requirements
cd examples
python -m aiosmtpd -n &  # an SMTP server on localhost:8025 that prints each message
export DJANGO_SETTINGS_MODULE=password_reset.django_app.settings
python manage.py migrate
python manage.py createsuperuser --username alice --email alice@example.com
python manage.py runserver 8000
# Open http://127.0.0.1:8000/password_reset/reset/, ask for alice@example.com, follow the printed link.
# --8<-- [end:run]

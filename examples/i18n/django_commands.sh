# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:catalogue]
cd examples/i18n/django_app
django-admin makemessages -l fr  # every marked string, into locale/fr/LC_MESSAGES/django.po
django-admin makemessages -a  # later: merge new strings into every language's .po
django-admin compilemessages  # .po to the .mo files Django reads
# --8<-- [end:catalogue]

# --8<-- [start:run]
cd examples
export DJANGO_SETTINGS_MODULE=i18n.django_app.settings
python manage.py runserver 8000
# Open http://127.0.0.1:8000/i18n/ (your browser's language) or http://127.0.0.1:8000/fr/i18n/?items=3
# --8<-- [end:run]

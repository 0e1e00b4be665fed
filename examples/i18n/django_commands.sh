# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:catalogue]
cd i18n/django_app
# Every marked string, into locale/fr/LC_MESSAGES/django.po
django-admin makemessages -l fr
# Later: merge new strings into every language's .po
django-admin makemessages -a
# .po to the .mo files Django reads
django-admin compilemessages
# --8<-- [end:catalogue]

# --8<-- [start:run]
# .po to the .mo files Django reads (compilemessages needs GNU
# gettext's msgfmt).
(cd i18n/django_app && django-admin compilemessages)
export DJANGO_SETTINGS_MODULE=i18n.django_app.settings
python manage.py runserver 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/i18n/ (your browser's language) or http://127.0.0.1:8000/fr/i18n/?items=3
# --8<-- [start:expect]
curl -i -H "Accept-Language: fr-CH, fr;q=0.9" 127.0.0.1:8000/i18n/
# HTTP/1.1 302 Found
# Location: /fr/i18n/
curl "127.0.0.1:8000/fr/i18n/?items=3"
# <h1>Bienvenue</h1>
# <p>Vous avez 3 articles dans votre panier.</p>
# --8<-- [end:expect]

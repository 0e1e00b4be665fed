# Typed in the folder that holds i18n/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-Babel
# --8<-- [end:install]
# --8<-- [start:catalogue]
cd i18n
# Every marked string, into a template
pybabel extract -F flask_babel.cfg -o messages.pot .
# Once per language: a .po to translate
pybabel init -i messages.pot -d translations -l fr
# Later: merge new strings into each .po
pybabel update -i messages.pot -d translations
# .po to the .mo files Flask-Babel reads
pybabel compile -d translations
# --8<-- [end:catalogue]

# --8<-- [start:run]
# .po to the .mo files Flask-Babel reads
pybabel compile -d i18n/translations
flask --app i18n.flask_app run --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/ (your browser's language) or http://127.0.0.1:8000/fr/?items=3
# --8<-- [start:expect]
curl -i -H "Accept-Language: fr-CH, fr;q=0.9" 127.0.0.1:8000/
# HTTP/1.1 302 FOUND
# Location: /fr/
curl "127.0.0.1:8000/fr/?items=3"
# <h1>Bienvenue</h1>
# <p>Vous avez 3 articles dans votre panier.</p>
# --8<-- [end:expect]

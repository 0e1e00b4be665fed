# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:catalogue]
cd examples/i18n
pybabel extract -F flask_babel.cfg -o messages.pot .  # every marked string, into a template
pybabel init -i messages.pot -d translations -l fr  # once per language: a .po to translate
pybabel update -i messages.pot -d translations  # later: merge new strings into each .po
pybabel compile -d translations  # .po to the .mo files Flask-Babel reads
# --8<-- [end:catalogue]

# --8<-- [start:run]
pip install Flask-Babel==4.0.0  # already installed by this site's requirements
cd examples
flask --app i18n.flask_app run --port 8000
# Open http://127.0.0.1:8000/ (your browser's language) or http://127.0.0.1:8000/fr/?items=3
# --8<-- [end:run]

# Typed in the folder that holds configuration/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
APP_ENV=production FLASK_SECRET_KEY=change-me FLASK_ITEMS_PER_PAGE=30 \
  flask --app configuration.flask_app run --port 8000
# --8<-- [end:run]

# In a second terminal; under it, what curl prints.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# {"debug":false,"greeting":"Hello","items_per_page":30}
# --8<-- [end:expect]

# Flask has no command that prints the configuration; ask the app itself.
# --8<-- [start:inspect]
APP_ENV=development FLASK_ITEMS_PER_PAGE=30 FLASK_GREETING=Howdy \
  python -c "from configuration.flask_app import create_app; \
  c = create_app().config; print(c['GREETING'], c['ITEMS_PER_PAGE'])"
# Howdy 30
# --8<-- [end:inspect]

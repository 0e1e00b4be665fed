# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
APP_ENV=production FLASK_SECRET_KEY=change-me FLASK_ITEMS_PER_PAGE=30 \
  flask --app configuration.flask_app run --port 8000
# --8<-- [end:run]

# In a second terminal; under it, what curl prints.
# --8<-- [start:check]
curl http://127.0.0.1:8000/
# {"debug":false,"greeting":"Hello","items_per_page":30}
# --8<-- [end:check]

# Flask has no command that prints the configuration; ask the app itself.
# --8<-- [start:inspect]
cd examples
APP_ENV=development FLASK_ITEMS_PER_PAGE=30 FLASK_GREETING=Howdy \
  python -c "from configuration.flask_app import create_app; c = create_app().config; print(c['GREETING'], c['ITEMS_PER_PAGE'])"
# Howdy 30
# --8<-- [end:inspect]

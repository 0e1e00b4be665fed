# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app static.flask_app run --port 8000
# --8<-- [end:run]

# --8<-- [start:collect]
cd examples
flask --app static.flask_app routes
# Nothing to collect: the "static" route serves ./static/ in every environment.
# --8<-- [end:collect]

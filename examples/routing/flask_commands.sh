# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app routing.flask_app routes
flask --app routing.flask_app run --port 8000
# --8<-- [end:run]

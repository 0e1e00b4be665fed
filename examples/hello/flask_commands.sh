# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app hello.flask_app run --debug --port 8000
# --8<-- [end:run]

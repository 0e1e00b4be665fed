# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app security.flask_app run --port 8000
# then open http://localhost:8000/comment/
# --8<-- [end:run]

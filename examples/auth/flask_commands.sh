# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app auth.flask_app create-user alice  # asks for a password twice
flask --app auth.flask_app run --port 8000
# Then open http://127.0.0.1:8000/private
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
# Signs the session cookie and the CSRF tokens; the app refuses to start without it.
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex(32))')"
flask --app auth.flask_app init-db
flask --app auth.flask_app create-user alice  # asks for a password twice
flask --app auth.flask_app run --port 8000
# Then open http://127.0.0.1:8000/private
# --8<-- [end:run]

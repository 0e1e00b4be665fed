# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
# Signs the session cookie and the CSRF tokens; the app refuses to start without it.
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex(32))')"
flask --app security.flask_app run --port 8000
# then open http://localhost:8000/comment/
# --8<-- [end:run]

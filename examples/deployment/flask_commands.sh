# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex(32))')"
gunicorn --workers 2 --bind 127.0.0.1:8000 "deployment.flask_app:create_app()"
# --8<-- [end:run]

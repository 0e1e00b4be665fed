# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:serve]
cd examples
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app bench.flask_app seed-bench --rows 300
# Asks for a password.
flask --app bench.flask_app add-staff staff
gunicorn --workers 2 --bind 127.0.0.1:8000 \
  "bench.flask_app:create_app()"
# --8<-- [end:serve]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
# Signs the session and the admin's CSRF tokens; the app refuses to start without it.
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex(32))')"
# The admin stays locked until it has a password hash; this asks for a password.
export FLASK_ADMIN_PASSWORD_HASH="$(python -c 'import getpass, werkzeug.security as s; print(s.generate_password_hash(getpass.getpass()))')"
flask --app admin.flask_app init-db
flask --app admin.flask_app run --port 8000
# Then open http://127.0.0.1:8000/admin/ and sign in as "admin".
# --8<-- [end:run]

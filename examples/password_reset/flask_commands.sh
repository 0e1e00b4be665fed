# Typed in the folder that holds password_reset/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-Login Flask-SQLAlchemy Flask-WTF aiosmtpd
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session and CSRF tokens; the app needs it to start.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
# An SMTP server on localhost:8025 that prints each message
python -m aiosmtpd -n &
# Asks for a password twice
flask --app password_reset.flask_app create-user alice@example.com
flask --app password_reset.flask_app run --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/reset/, ask for alice@example.com, follow the printed link.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/reset/
# <input id="csrf_token" name="csrf_token" type="hidden" value="...">
curl -i -H Host:evil.example http://127.0.0.1:8000/reset/
# HTTP/1.1 400 BAD REQUEST
# --8<-- [end:expect]

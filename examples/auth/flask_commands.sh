# Typed in the folder that holds auth/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-Login Flask-SQLAlchemy Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and CSRF tokens; the app needs it to start.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app auth.flask_app init-db
# Asks for a password twice.
flask --app auth.flask_app create-user alice
flask --app auth.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/private
# HTTP/1.1 302 FOUND
# Location: /login?next=%2Fprivate
curl http://127.0.0.1:8000/login
# <h1>Sign in</h1>
# <input type="hidden" name="csrf_token" value="...">
# --8<-- [end:expect]

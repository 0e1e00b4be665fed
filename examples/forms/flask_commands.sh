# Typed in the folder that holds forms/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-WTF email-validator
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and the CSRF tokens; the app needs it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app forms.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl 127.0.0.1:8000/signup/
# <h1>Sign up</h1>
# <input id="csrf_token" name="csrf_token" type="hidden" value="...">
# <label for="email">Email</label>
# <input id="email" maxlength="254" name="email" required ...>
curl -i -d "name=Ada&email=ada@example.com" 127.0.0.1:8000/signup/
# HTTP/1.1 400 BAD REQUEST
# <p>The CSRF token is missing.</p>
# --8<-- [end:expect]

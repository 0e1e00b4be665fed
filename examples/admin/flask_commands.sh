# Typed in the folder that holds admin/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-Admin Flask-Babel Flask-SQLAlchemy Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session and the CSRF tokens; the app needs it to start.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
# The admin stays locked until it has a password hash: type a password.
pw_hash="$(python -c '
import getpass
from werkzeug.security import generate_password_hash
print(generate_password_hash(getpass.getpass()))
')"
export FLASK_ADMIN_PASSWORD_HASH="$pw_hash"
flask --app admin.flask_app init-db
flask --app admin.flask_app run --port 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/admin/ in a browser and sign in as "admin" with that password.
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/admin/
# HTTP/1.1 401 UNAUTHORIZED
# WWW-Authenticate: Basic realm="admin"
# Sign in to use the admin.
# --8<-- [end:expect]

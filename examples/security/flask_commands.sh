# Typed in the folder that holds security/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and the CSRF tokens; the app needs it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app security.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/comment/
# HTTP/1.1 200 OK
# X-Frame-Options: DENY
# Set-Cookie: session=...; Secure; HttpOnly; Path=/; SameSite=Lax
# <p><strong>Be kind.</strong> Comments are public.</p>
curl -i --data "text=<b>hi</b>" http://127.0.0.1:8000/comment/
# HTTP/1.1 400 BAD REQUEST
# <p>The CSRF token is missing.</p>
# --8<-- [end:expect]

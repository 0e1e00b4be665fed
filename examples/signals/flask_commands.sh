# Typed in the folder that holds signals/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and the CSRF tokens; the app needs it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
# --debug shows app.logger's DEBUG lines
flask --app signals.flask_app run --debug --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/orders/ in a browser, place an order, and read the server's terminal.
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/orders/
# HTTP/1.1 200 OK
# Server-Timing: app;dur=...
# <h1>Orders</h1>
# --8<-- [end:expect]

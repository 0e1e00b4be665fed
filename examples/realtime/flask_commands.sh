# Typed in the folder that holds realtime/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SocketIO redis gunicorn
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie; the app will not start without it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
redis-server --port 6379 --save "" --appendonly no &
export REDIS_URL=redis://127.0.0.1:6379/0
# One worker process (Socket.IO needs every request of a client to
# reach the same process); each open connection holds one of its
# threads. gunicorn reads these options from the environment too.
export GUNICORN_CMD_ARGS="--workers 1 --threads 100"
gunicorn --bind 127.0.0.1:8000 "realtime.flask_app:create_app()"
# --8<-- [end:run]
# Open http://127.0.0.1:8000/ in two browser tabs and chat.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# <ul id="messages"></ul>
# --8<-- [end:expect]

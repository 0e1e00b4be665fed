# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django channels channels-redis uvicorn wsproto
# --8<-- [end:install]
# --8<-- [start:run]
redis-server --port 6379 --save "" --appendonly no &
export REDIS_URL=redis://127.0.0.1:6379/0
export DJANGO_SETTINGS_MODULE=realtime.django_app.settings
# The session and user tables, which the handshake checks the cookie
# against.
python manage.py migrate
# Any ASGI server that speaks WebSocket: uvicorn with wsproto here,
# or Daphne. --ws-max-size: a larger message closes the connection
# (default 16 MiB).
export UVICORN_WS_MAX_SIZE=65536
uvicorn realtime.django_app.asgi:application --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/realtime/ in two browser tabs and chat.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/realtime/
# <ul id="messages"></ul>
# --8<-- [end:expect]

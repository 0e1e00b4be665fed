# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Flask==3.1.3 Flask-SocketIO==5.7.0 redis==8.1.0 gunicorn==27.0.1
redis-server --port 6379 --save "" --appendonly no &
cd examples
export REDIS_URL=redis://127.0.0.1:6379/0
# One worker process (Socket.IO needs every request of a client to reach the
# same process); each open connection holds one of its threads.
gunicorn --workers 1 --threads 100 --bind 127.0.0.1:8000 "realtime.flask_app:create_app()"
# Open http://127.0.0.1:8000/ in two browser tabs and chat.
# --8<-- [end:run]

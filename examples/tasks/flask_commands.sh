# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Flask==3.1.3 Flask-RQ==1.0.0 rq==2.12.0 redis==8.1.0 Flask-WTF==1.3.0
redis-server --port 6379 --save "" --appendonly no &
cd examples
export REDIS_URL=redis://127.0.0.1:6379/0
# The worker: waits on Redis and runs each job in a fresh process.
flask --app tasks.flask_app rq worker &
flask --app tasks.flask_app run --port 8000
# Open http://127.0.0.1:8000/, submit some text, and follow the redirect.
# --8<-- [end:run]

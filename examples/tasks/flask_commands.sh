# Typed in the folder that holds tasks/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-RQ rq redis Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and CSRF tokens; the app needs it to start.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
redis-server --port 6379 --save "" --appendonly no &
export REDIS_URL=redis://127.0.0.1:6379/0
# The worker: waits on Redis and runs each job in a fresh process.
flask --app tasks.flask_app rq worker &
flask --app tasks.flask_app run --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/ in a browser, submit some text, and follow the redirect.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# <input id="csrf_token" name="csrf_token" type="hidden" value="...">
curl -i --data "text=Count these words" http://127.0.0.1:8000/
# HTTP/1.1 400 BAD REQUEST
# <p>The CSRF token is missing.</p>
# --8<-- [end:expect]

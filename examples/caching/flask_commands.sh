# Typed in the folder that holds caching/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-Caching redis Flask-SQLAlchemy Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the session cookie and CSRF tokens; the app needs it to start.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
redis-server --port 6379 --save "" --appendonly no &
export REDIS_URL=redis://127.0.0.1:6379/0
flask --app caching.flask_app shop add Teapot 12
flask --app caching.flask_app run --port 8000
# --8<-- [end:run]
# In a second terminal: the first request fills the cache, the second is read from it.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/products/
# <li><a href="/products/1/">Teapot</a>: 12 in stock</li>
curl http://127.0.0.1:8000/products/
# <li><a href="/products/1/">Teapot</a>: 12 in stock</li>
# --8<-- [end:expect]

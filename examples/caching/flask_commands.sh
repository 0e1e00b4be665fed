# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install Flask==3.1.3 Flask-Caching==2.5.1 redis==8.1.0 Flask-SQLAlchemy==3.1.1 Flask-WTF==1.3.0
redis-server --port 6379 --save "" --appendonly no &
cd examples
export REDIS_URL=redis://127.0.0.1:6379/0
flask --app caching.flask_app shop add Teapot 12
flask --app caching.flask_app run --port 8000
# In a second terminal: the first request fills the cache, the second is read from it.
curl http://127.0.0.1:8000/products/
curl http://127.0.0.1:8000/products/
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app logs.flask_app run --port 8000  # no --debug: errors answer 500, as in production
# In a second terminal:
curl -i http://127.0.0.1:8000/orders/7
curl -i -H "X-Request-ID: from-the-proxy-42" http://127.0.0.1:8000/boom
# --8<-- [end:run]

# Typed in the folder that holds logs/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
# No --debug: errors answer 500, as in production.
flask --app logs.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl -i http://127.0.0.1:8000/orders/7
# HTTP/1.1 200 OK
# X-Request-ID: ...
# {"id":7}
curl -i -H "X-Request-ID: proxy-id-42" http://127.0.0.1:8000/boom
# HTTP/1.1 500 INTERNAL SERVER ERROR
# X-Request-ID: proxy-id-42
# --8<-- [end:expect]

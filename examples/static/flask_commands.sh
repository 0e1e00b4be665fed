# Typed in the folder that holds static/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
flask --app static.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# <link rel="stylesheet"
# href="/static/site.css">
curl -i http://127.0.0.1:8000/static/site.css
# HTTP/1.1 200 OK
# Content-Type: text/css; charset=utf-8
# color: #1a237e;
# --8<-- [end:expect]

# --8<-- [start:collect]
flask --app static.flask_app routes
# Nothing to collect: the "static" route serves ./static/ everywhere.
# --8<-- [end:collect]

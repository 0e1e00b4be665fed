# Typed in the folder that holds routing/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the CSRF tokens; the app refuses to start without it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app routing.flask_app routes
flask --app routing.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/books/2/
# Book 2: Emma
curl -i http://127.0.0.1:8000/books/abc/
# HTTP/1.1 404 NOT FOUND
curl http://127.0.0.1:8000/files/covers/2024/dune.jpg
# File covers/2024/dune.jpg
curl -i http://127.0.0.1:8000/about
# HTTP/1.1 308 PERMANENT REDIRECT
# Location: http://127.0.0.1:8000/about/
curl http://127.0.0.1:8000/links/
# {"about":"/about/","cover":"/files/covers/dune.jpg",...}
# --8<-- [end:expect]

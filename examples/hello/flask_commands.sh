# Typed in the folder that holds hello/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
flask --app hello.flask_app run --debug --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# Hello from Flask!
# --8<-- [end:expect]

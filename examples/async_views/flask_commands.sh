# Typed in the folder that holds async_views/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask[async]
# --8<-- [end:install]
# --8<-- [start:run]
flask --app async_views.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/dashboard/
# {..."steps":["weather: start","headlines: start",...],...}
# --8<-- [end:expect]

# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django uvicorn
# --8<-- [end:install]
# --8<-- [start:run]
# Under ASGI, natively async. (`python manage.py runserver 8000`
# serves the same views under WSGI: Django then runs each async view
# in an event loop made for the request.)
uvicorn project.asgi:application --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/async_views/dashboard/
# {..."steps": ["weather: start", "headlines: start", ...]}
# --8<-- [end:expect]

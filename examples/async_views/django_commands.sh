# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
# Under WSGI: Django runs each async view in an event loop made for the request.
python manage.py runserver 8000
# Under ASGI, natively async (install a server first: pip install uvicorn).
uvicorn project.asgi:application --port 8000
# then open http://127.0.0.1:8000/async_views/dashboard/
# --8<-- [end:run]

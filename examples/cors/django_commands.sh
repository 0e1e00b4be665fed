# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django django-cors-headers
# --8<-- [end:install]
# --8<-- [start:run]
export DJANGO_SETTINGS_MODULE=cors.django_app.settings
# The front end's origin: scheme, host and port, no path.
export DJANGO_CORS_ORIGINS=http://localhost:5173
python manage.py runserver 8000
# --8<-- [end:run]
# In a second terminal, what a browser sends: a GET from the listed
# front end, the same from another site, the preflight before a JSON
# POST, and the POST. Under each, the lines of curl's output that matter.
# --8<-- [start:expect]
curl -i -H "Origin: http://localhost:5173" \
  http://127.0.0.1:8000/cors/api/books/
# HTTP/1.1 200 OK
# Vary: origin
# access-control-allow-origin: http://localhost:5173
# access-control-allow-credentials: true
# {"books": [{"id": 1, "title": "Dune"}, ...]}

curl -i -H "Origin: https://attacker.example" \
  http://127.0.0.1:8000/cors/api/books/
# HTTP/1.1 200 OK
# Vary: origin
# {"books": [{"id": 1, "title": "Dune"}, ...]}

curl -i -X OPTIONS -H "Origin: http://localhost:5173" \
  -H "Access-Control-Request-Method: POST" \
  -H "Access-Control-Request-Headers: content-type" \
  http://127.0.0.1:8000/cors/api/books/
# HTTP/1.1 200 OK
# access-control-allow-origin: http://localhost:5173
# access-control-allow-credentials: true
# access-control-allow-headers: content-type
# access-control-allow-methods: GET, POST
# access-control-max-age: 600

curl -i -H "Origin: http://localhost:5173" \
  --json '{"title": "Piranesi"}' \
  http://127.0.0.1:8000/cors/api/books/
# HTTP/1.1 201 Created
# access-control-allow-origin: http://localhost:5173
# {"id": 3, "title": "Piranesi"}
# --8<-- [end:expect]

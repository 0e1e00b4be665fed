# Typed in the folder that holds cors/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask flask-cors
# --8<-- [end:install]
# --8<-- [start:run]
# The front end's origin: scheme, host and port, no path.
export FLASK_CORS_ORIGINS=http://localhost:5173
flask --app cors.flask_app run --port 8000
# --8<-- [end:run]
# In a second terminal, what a browser sends: a GET from the listed
# front end, the same from another site, the preflight before a JSON
# POST, and the POST. Under each, the lines of curl's output that matter.
# --8<-- [start:expect]
curl -i -H "Origin: http://localhost:5173" \
  http://127.0.0.1:8000/api/books
# HTTP/1.1 200 OK
# Access-Control-Allow-Origin: http://localhost:5173
# Access-Control-Allow-Credentials: true
# {"books":[{"id":1,"title":"Dune"},{"id":2,"title":"Kindred"}]}

curl -i -H "Origin: https://attacker.example" \
  http://127.0.0.1:8000/api/books
# HTTP/1.1 200 OK
# Content-Type: application/json
# {"books":[{"id":1,"title":"Dune"},{"id":2,"title":"Kindred"}]}

curl -i -X OPTIONS -H "Origin: http://localhost:5173" \
  -H "Access-Control-Request-Method: POST" \
  -H "Access-Control-Request-Headers: content-type" \
  http://127.0.0.1:8000/api/books
# HTTP/1.1 200 OK
# Access-Control-Allow-Origin: http://localhost:5173
# Access-Control-Allow-Credentials: true
# Access-Control-Allow-Headers: content-type
# Access-Control-Max-Age: 600
# Access-Control-Allow-Methods: GET, POST

curl -i -H "Origin: http://localhost:5173" \
  --json '{"title": "Piranesi"}' http://127.0.0.1:8000/api/books
# HTTP/1.1 201 CREATED
# Access-Control-Allow-Origin: http://localhost:5173
# {"id":3,"title":"Piranesi"}
# --8<-- [end:expect]

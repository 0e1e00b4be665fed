# Typed in the folder that holds api_frameworks/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask flask-smorest Flask-SQLAlchemy
# --8<-- [end:install]
# --8<-- [start:run]
flask --app api_frameworks.flask_app run --port 8000
# --8<-- [end:run]
# The OpenAPI document: http://127.0.0.1:8000/api/openapi.json
# Interactive docs (Swagger UI): http://127.0.0.1:8000/api/docs

# In a second terminal, on a new database. Under each request, what curl prints (headers trimmed).
# --8<-- [start:requests]
# --8<-- [start:expect]
curl -i --json '{"title": "Dune", "year": 1965}' \
    http://127.0.0.1:8000/api/books/
# HTTP/1.1 201 CREATED
# {"id":1,"title":"Dune","year":1965}

curl -i http://127.0.0.1:8000/api/books/1
# HTTP/1.1 200 OK
# {"id":1,"title":"Dune","year":1965}
# --8<-- [end:expect]

curl -i http://127.0.0.1:8000/api/books/99
# HTTP/1.1 404 NOT FOUND
# {"code":404,"message":"No book with id 99.","status":"Not Found"}

curl -i --json '{"title": "", "year": "1965"}' \
    http://127.0.0.1:8000/api/books/
# HTTP/1.1 422 UNPROCESSABLE ENTITY
# {"code":422,"errors":{"json":{"title":
# ["Length must be between 1 and 200."],"year":
# ["Not a valid integer."]}},"status":"Unprocessable Entity"}

curl -i --json 'not json' http://127.0.0.1:8000/api/books/
# HTTP/1.1 400 BAD REQUEST
# {"code":400,"errors":{"json":["Invalid JSON body."]},
# "status":"Bad Request"}
# --8<-- [end:requests]

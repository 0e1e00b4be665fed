# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Flask~=3.1.0" flask-smorest==0.47.0 Flask-SQLAlchemy==3.1.1
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
flask --app api_frameworks.flask_app run --port 8000
# The OpenAPI document: http://127.0.0.1:8000/api/openapi.json
# Interactive docs (Swagger UI): http://127.0.0.1:8000/api/docs
# --8<-- [end:run]

# In a second terminal, on a new database. Under each request, what curl prints (headers trimmed).
# --8<-- [start:requests]
curl -i --json '{"title": "Dune", "year": 1965}' http://127.0.0.1:8000/api/books/
# HTTP/1.1 201 CREATED
# {"id":1,"title":"Dune","year":1965}

curl -i http://127.0.0.1:8000/api/books/1
# HTTP/1.1 200 OK
# {"id":1,"title":"Dune","year":1965}

curl -i http://127.0.0.1:8000/api/books/99
# HTTP/1.1 404 NOT FOUND
# {"code":404,"message":"No book with id 99.","status":"Not Found"}

curl -i --json '{"title": "", "year": "1965"}' http://127.0.0.1:8000/api/books/
# HTTP/1.1 422 UNPROCESSABLE ENTITY
# {"code":422,"errors":{"json":{"title":["Length must be between 1 and 200."],"year":["Not a valid integer."]}},"status":"Unprocessable Entity"}

curl -i --json 'not json' http://127.0.0.1:8000/api/books/
# HTTP/1.1 400 BAD REQUEST
# {"code":400,"errors":{"json":["Invalid JSON body."]},"status":"Bad Request"}
# --8<-- [end:requests]

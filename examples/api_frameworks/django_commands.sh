# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django django-ninja
# --8<-- [end:install]
# --8<-- [start:run]
python manage.py migrate
python manage.py runserver 8000
# --8<-- [end:run]
# The OpenAPI document: http://127.0.0.1:8000/api_frameworks/api/openapi.json
# Interactive docs (Swagger UI): http://127.0.0.1:8000/api_frameworks/api/docs

# In a second terminal, on a new database. Under each request, what curl prints (headers trimmed).
# --8<-- [start:requests]
# --8<-- [start:expect]
curl -i --json '{"title": "Dune", "year": 1965}' \
    http://127.0.0.1:8000/api_frameworks/api/books/
# HTTP/1.1 201 Created
# {"id": 1, "title": "Dune", "year": 1965}

curl -i http://127.0.0.1:8000/api_frameworks/api/books/1
# HTTP/1.1 200 OK
# {"id": 1, "title": "Dune", "year": 1965}
# --8<-- [end:expect]

curl -i http://127.0.0.1:8000/api_frameworks/api/books/99
# HTTP/1.1 404 Not Found
# {"detail": "Not Found"}

curl -i --json '{"title": "", "year": "1965"}' \
    http://127.0.0.1:8000/api_frameworks/api/books/
# HTTP/1.1 422 Unprocessable Entity
# {"detail": [{"type": "string_too_short",
#  "loc": ["body", "payload", "title"],
#  "msg": "String should have at least 1 character",
#  "ctx": {"min_length": 1}}, {"type": "int_type",
#  "loc": ["body", "payload", "year"],
#  "msg": "Input should be a valid integer"}]}

curl -i --json 'not json' \
    http://127.0.0.1:8000/api_frameworks/api/books/
# HTTP/1.1 400 Bad Request
# {"detail": "Cannot parse request body"}
# --8<-- [end:requests]

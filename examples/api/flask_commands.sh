# Typed in the folder that holds api/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
flask --app api.flask_app run --port 8000
# --8<-- [end:run]
# In a second terminal (curl 7.82 or newer for --json). Under each request, what curl prints (headers trimmed).
# --8<-- [start:expect]
curl -i 127.0.0.1:8000/api/books
# HTTP/1.1 200 OK
# {"books":[{"id":1,"title":"Dune","year":1965},...]}

curl -i 127.0.0.1:8000/api/books/99
# HTTP/1.1 404 NOT FOUND
# {"error":"No book with id 99."}

curl -i --json '{"title":"Emma","year":1815}' 127.0.0.1:8000/api/books
# HTTP/1.1 201 CREATED
# {"id":3,"title":"Emma","year":1815}

curl -i --json '{"title":"","year":"soon"}' 127.0.0.1:8000/api/books
# HTTP/1.1 422 UNPROCESSABLE ENTITY
# {"errors":{"title":"A non-empty string is required.",...}}

curl -i --json 'not json' 127.0.0.1:8000/api/books
# HTTP/1.1 400 BAD REQUEST
# {"error":"Send a JSON object."}
# --8<-- [end:expect]

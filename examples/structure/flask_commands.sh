# Typed in the folder that holds structure/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy pytest
# --8<-- [end:install]
# --8<-- [start:run]
# --app names the package: flask finds create_app() in it and calls it.
flask --app structure.flask_shop routes
flask --app structure.flask_shop run --port 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/books/ in a browser.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/books/
# <h1>Books</h1>
# <li>No books yet.</li>
curl -i http://127.0.0.1:8000/books/1/reviews/
# HTTP/1.1 404 NOT FOUND
# --8<-- [end:expect]
# --8<-- [start:test]
python -m pytest structure/flask_tests
# --8<-- [end:test]

# Typed in the folder that holds relationships/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy SQLAlchemy pytest
# --8<-- [end:install]
# --8<-- [start:run]
flask --app relationships.flask_app seed-books
flask --app relationships.flask_app run --port 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/books/ in a browser and follow "Next".
# --8<-- [start:expect]
curl http://127.0.0.1:8000/books/
# <h1>Books</h1>
# Page 1 of 3
curl "http://127.0.0.1:8000/books/?page=3"
# Page 3 of 3
# --8<-- [end:expect]
# --8<-- [start:test]
python -m pytest relationships/flask_tests.py
# --8<-- [end:test]

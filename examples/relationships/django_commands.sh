# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
python manage.py migrate
python manage.py seed_books
python manage.py runserver 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/relationships/books/ in a browser and follow "Next".
# --8<-- [start:expect]
curl http://127.0.0.1:8000/relationships/books/
# <h1>Books</h1>
# Page 1 of 3
curl "http://127.0.0.1:8000/relationships/books/?page=3"
# Page 3 of 3
# --8<-- [end:expect]
# --8<-- [start:test]
python manage.py test relationships.django_app
# --8<-- [end:test]

# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
python manage.py migrate
python manage.py runserver 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/crud/books/ in a browser.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/crud/books/
# <h1>Books</h1>
# <li>No books yet.</li>
curl http://127.0.0.1:8000/crud/books/new/
# <h1>New book</h1>
# <input type="hidden" name="csrfmiddlewaretoken" value="...">
curl -i -d title=Dune -d year=1965 http://127.0.0.1:8000/crud/books/new/
# HTTP/1.1 403 Forbidden
# --8<-- [end:expect]

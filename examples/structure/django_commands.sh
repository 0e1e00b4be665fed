# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# The bookshop's own settings module, and the secret key it insists on:
export DJANGO_SETTINGS_MODULE=structure.django_app.settings
key="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_SECRET_KEY="$key"
python manage.py migrate
python manage.py runserver 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/books/ in a browser.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/books/
# <h1>Books</h1>
# <li>No books yet.</li>
curl -i http://127.0.0.1:8000/books/1/reviews/
# HTTP/1.1 404 Not Found
# --8<-- [end:expect]
# --8<-- [start:test]
python manage.py test structure.django_app
# --8<-- [end:test]

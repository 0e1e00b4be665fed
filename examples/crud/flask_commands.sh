# Typed in the folder that holds crud/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the CSRF tokens; the app refuses to start without it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app crud.flask_app run --port 8000
# --8<-- [end:run]
# Then open http://127.0.0.1:8000/books/ in a browser.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/books/
# <h1>Books</h1>
# <li>No books yet.</li>
curl http://127.0.0.1:8000/books/new
# <h1>New book</h1>
# <input id="csrf_token" name="csrf_token" type="hidden" value="...">
curl -i -d title=Dune -d year=1965 http://127.0.0.1:8000/books/new
# HTTP/1.1 400 BAD REQUEST
# <p>The CSRF token is missing.</p>
# --8<-- [end:expect]

# Typed in the folder that holds database/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy Flask-Migrate Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# --8<-- [start:migrate]
# Signs the forms' CSRF tokens; the app refuses to start without it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
# Once per project: creates migrations/ (commit it).
flask --app database.flask_app db init
# After each change to the models: write a migration script, then
# apply it.
flask --app database.flask_app db migrate -m "create book table"
flask --app database.flask_app db upgrade
# --8<-- [end:migrate]
python -c "
from database.flask_app import create_app
from database.flask_models import Book, db
with create_app().app_context():
    db.session.add(
        Book(title='Dune', author='Frank Herbert', year=1965)
    )
    db.session.commit()
"
flask --app database.flask_app run --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl "http://127.0.0.1:8000/books?author=Frank+Herbert"
# {"books":["Dune (1965)"]}
curl -i "http://127.0.0.1:8000/books?since=soon"
# HTTP/1.1 400 BAD REQUEST
# {"errors":{"since":["Not a valid integer value.",...]}}
curl -i -d title=Emma http://127.0.0.1:8000/books/new
# HTTP/1.1 400 BAD REQUEST
# {"errors":{...,"csrf_token":["The CSRF token is missing."],...}}
# --8<-- [end:expect]

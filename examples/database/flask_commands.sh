# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:migrate]
cd examples
# Signs the forms' CSRF tokens; the app refuses to start without it.
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex(32))')"
# Once per project: creates migrations/ (commit it).
flask --app database.flask_app db init
# After each change to the models: write a migration script, then apply it.
flask --app database.flask_app db migrate -m "create book table"
flask --app database.flask_app db upgrade
# --8<-- [end:migrate]
# --8<-- [start:run]
python -c "from database.flask_app import create_app; from database.flask_models import Book, db; app = create_app(); app.app_context().push(); db.session.add(Book(title='Dune', author='Frank Herbert', year=1965)); db.session.commit()"
flask --app database.flask_app run --port 8000
# In a second terminal:
curl "http://127.0.0.1:8000/books?author=Frank+Herbert"
# --8<-- [end:run]

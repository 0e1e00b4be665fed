# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:migrate]
cd examples
# Once per project: creates migrations/ (commit it).
flask --app database.flask_app db init
# After each change to the models: write a migration script, then apply it.
flask --app database.flask_app db migrate -m "create book table"
flask --app database.flask_app db upgrade
# --8<-- [end:migrate]
# --8<-- [start:run]
flask --app database.flask_app run --port 8000
# In a second terminal:
curl -d title=Dune -d author="Frank Herbert" -d year=1965 http://127.0.0.1:8000/books/new
curl "http://127.0.0.1:8000/books?author=Frank+Herbert"
# --8<-- [end:run]

# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Flask~=3.1.0" Flask-SQLAlchemy==3.1.1 pytest==9.2.0
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
# --app names the package: flask finds create_app() in it and calls it.
flask --app structure.flask_shop routes
flask --app structure.flask_shop run --port 8000
# Then open http://127.0.0.1:8000/books/
# --8<-- [end:run]
# --8<-- [start:test]
python -m pytest structure/flask_tests
# --8<-- [end:test]

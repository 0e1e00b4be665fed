# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Flask~=3.1.0" Flask-SQLAlchemy==3.1.1 SQLAlchemy==2.1.9 pytest==9.2.0
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
flask --app relationships.flask_app seed-books
flask --app relationships.flask_app run --port 8000
# Then open http://127.0.0.1:8000/books/ and follow "Next".
# --8<-- [end:run]
# --8<-- [start:test]
python -m pytest relationships/flask_tests.py
# --8<-- [end:test]

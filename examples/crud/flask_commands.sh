# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Flask~=3.1.0" Flask-SQLAlchemy==3.1.1 Flask-WTF==1.3.0
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
# The app refuses to start without a secret key (it signs the CSRF tokens).
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex())')"
flask --app crud.flask_app run --port 8000
# Then open http://127.0.0.1:8000/books/
# --8<-- [end:run]

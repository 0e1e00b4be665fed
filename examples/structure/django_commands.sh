# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Django~=6.1.0"
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
# The bookshop's own settings module, and the secret key it insists on:
export DJANGO_SETTINGS_MODULE=structure.django_app.settings
export DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
python manage.py migrate
python manage.py runserver 8000
# Then open http://127.0.0.1:8000/books/
# --8<-- [end:run]
# --8<-- [start:test]
python manage.py test structure.django_app
# --8<-- [end:test]

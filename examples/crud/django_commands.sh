# --8<-- [start:run]
# The packages this page uses, at the versions it was tested with:
pip install "Django~=6.1.0"
# In a clone of this site's repository (`make check` installs them in .venv):
cd examples
python manage.py migrate
python manage.py runserver 8000
# Then open http://127.0.0.1:8000/crud/books/
# --8<-- [end:run]

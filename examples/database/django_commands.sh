# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# --8<-- [start:migrate]
# After each change to the models: write a migration file, then
# apply it.
python manage.py makemigrations database
python manage.py migrate
# See which migrations have run ([X]) and which have not ([ ]).
python manage.py showmigrations database
# --8<-- [end:migrate]
python manage.py shell -c "
from database.django_app.models import Book
Book.objects.create(title='Dune', author='Frank Herbert', year=1965)
"
# Debug mode, for development only.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl "http://127.0.0.1:8000/database/books/?author=Frank+Herbert"
# {"books": ["Dune (1965)"]}
curl -i "http://127.0.0.1:8000/database/books/?since=soon"
# HTTP/1.1 400 Bad Request
# {"errors": {"since": ["Enter a whole number."]}}
curl -i -d title=Emma http://127.0.0.1:8000/database/books/new/
# HTTP/1.1 403 Forbidden
# --8<-- [end:expect]

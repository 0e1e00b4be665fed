# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:migrate]
cd examples
# After each change to the models: write a migration file, then apply it.
python manage.py makemigrations database
python manage.py migrate
# See which migrations have run ([X]) and which have not ([ ]).
python manage.py showmigrations database
# --8<-- [end:migrate]
# --8<-- [start:run]
python manage.py shell -c "from database.django_app.models import Book; Book.objects.create(title='Dune', author='Frank Herbert', year=1965)"
DJANGO_DEBUG=1 python manage.py runserver 8000  # debug mode, for development only
# In a second terminal:
curl "http://127.0.0.1:8000/database/books/?author=Frank+Herbert"
# --8<-- [end:run]

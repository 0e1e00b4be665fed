# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
export DJANGO_SETTINGS_MODULE=uploads.django_app.settings
python manage.py migrate
python manage.py runserver 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/uploads/ in a browser and upload a PNG, JPEG or PDF file;
# it lands in media/uploads/<year>/<month>/.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/uploads/
# <h1>Upload a document</h1>
# <form method="post" enctype="multipart/form-data">
curl -i -F document=@uploads/__init__.py http://127.0.0.1:8000/uploads/
# HTTP/1.1 403 Forbidden
# --8<-- [end:expect]

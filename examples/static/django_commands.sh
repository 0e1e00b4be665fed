# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# runserver serves static files only in debug mode
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/static-demo/
# <link rel="stylesheet" href="/static/static/site.css">
curl -i http://127.0.0.1:8000/static/static/site.css
# HTTP/1.1 200 OK
# Content-Type: text/css
# color: #1a237e;
# --8<-- [end:expect]

# --8<-- [start:collect]
python manage.py collectstatic --noinput
# Copies every app's static/ folder (and the admin's) into STATIC_ROOT.
# --8<-- [end:collect]

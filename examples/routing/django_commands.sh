# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
python manage.py check
# DJANGO_DEBUG=1: debug mode; its 404 page lists the URL patterns.
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/routing/books/2/
# Book 2: Emma
curl -i http://127.0.0.1:8000/routing/books/abc/
# HTTP/1.1 404 Not Found
curl http://127.0.0.1:8000/routing/files/covers/2024/dune.jpg
# File covers/2024/dune.jpg
curl -i http://127.0.0.1:8000/routing/about
# HTTP/1.1 301 Moved Permanently
# Location: /routing/about/
curl http://127.0.0.1:8000/routing/links/
# {"about": "/routing/about/", "dune": "/routing/books/1/", ...}
# --8<-- [end:expect]

# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:run]
# The development server picks up template changes without a restart.
# Debug mode, for development only
DJANGO_DEBUG=1 python manage.py runserver 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/templates/
# <title>Reading list · Bookshop</title>
# <h1>Reading list</h1>
# Dune by Frank Herbert
# ★★★★★
# <p>3 books</p>
# <blockquote>
# &lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; Loved it!
# </blockquote>
curl http://127.0.0.1:8000/templates/wishlist/
# <h1>Wishlist</h1>
# <li>Nothing here yet.</li>
# --8<-- [end:expect]

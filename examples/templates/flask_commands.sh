# Typed in the folder that holds templates/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:run]
# --debug also reloads the templates when you save them.
flask --app templates.flask_app run --debug --port 8000
# --8<-- [end:run]
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# <title>Reading list · Bookshop</title>
# <h1>Reading list</h1>
# Dune by Frank Herbert
# ★★★★★
# <p>3 books</p>
# <blockquote>
# &lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; Loved it!
# </blockquote>
curl http://127.0.0.1:8000/wishlist/
# <h1>Wishlist</h1>
# <li>Nothing here yet.</li>
# --8<-- [end:expect]

# Typed in the folder that holds uploads/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-WTF
# --8<-- [end:install]
# --8<-- [start:run]
# Signs the CSRF tokens; the app refuses to start without it.
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
flask --app uploads.flask_app run --port 8000
# --8<-- [end:run]
# Open http://127.0.0.1:8000/ in a browser and upload a PNG, JPEG or PDF file;
# it lands in instance/uploads/.
# --8<-- [start:expect]
curl http://127.0.0.1:8000/
# <h1>Upload a document</h1>
# <form method="post" enctype="multipart/form-data">
curl -i -F document=@uploads/__init__.py http://127.0.0.1:8000/
# HTTP/1.1 400 BAD REQUEST
# <p>The CSRF token is missing.</p>
# --8<-- [end:expect]

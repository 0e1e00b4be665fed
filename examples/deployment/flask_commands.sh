# Typed in the folder that holds deployment/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask gunicorn
# --8<-- [end:install]
# --8<-- [start:run]
key="$(python -c 'import secrets; print(secrets.token_hex())')"
export FLASK_SECRET_KEY="$key"
app="deployment.flask_app:create_app()"
gunicorn --workers 2 --bind 127.0.0.1:8000 "$app"
# --8<-- [end:run]
# In a second terminal, as the proxy in front would ask (it says the client used HTTPS):
# --8<-- [start:expect]
curl -i -H "X-Forwarded-Proto: https" http://127.0.0.1:8000/
# HTTP/1.1 200 OK
# Server: gunicorn
# {"debug":false,"scheme":"https","status":"ok"}
# --8<-- [end:expect]

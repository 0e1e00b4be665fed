# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install "flask[async]"
cd examples
flask --app async_views.flask_app run --port 8000
# then open http://127.0.0.1:8000/dashboard/
# --8<-- [end:run]

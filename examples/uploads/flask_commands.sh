# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app uploads.flask_app run --port 8000
# Open http://127.0.0.1:8000/ and upload a PNG, JPEG or PDF file;
# it lands in examples/instance/uploads/.
# --8<-- [end:run]

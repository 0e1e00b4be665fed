# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app signals.flask_app run --debug --port 8000  # --debug shows app.logger's DEBUG lines
# Open http://127.0.0.1:8000/orders/, place an order, and read the terminal.
# --8<-- [end:run]

# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
python -m pytest testing/flask_tests.py
# --8<-- [end:run]

# Typed in the folder that holds testing/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask Flask-SQLAlchemy Flask-WTF pytest
# --8<-- [end:install]
# --8<-- [start:expect]
python -m pytest testing/flask_tests.py
# testing/flask_tests.py ...
# ... 3 passed in ...
# --8<-- [end:expect]

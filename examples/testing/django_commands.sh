# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:expect]
python manage.py test testing.django_app
# Found 3 test(s).
# Ran 3 tests in ...
# OK
# --8<-- [end:expect]

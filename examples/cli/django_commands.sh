# Typed in the folder that holds manage.py (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Django
# --8<-- [end:install]
# --8<-- [start:expect]
python manage.py greet Ada --times 2 --shout
# HELLO, ADA!
# HELLO, ADA!
python manage.py site info
# project.settings (debug: False)
python manage.py site setting TIME_ZONE
# UTC
python manage.py help
# [django_app]
# greet
# site
# --8<-- [end:expect]

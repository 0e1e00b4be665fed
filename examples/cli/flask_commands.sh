# Typed in the folder that holds cli/ (in a clone of this site's repository: examples/).
# Section "install" names the packages; the page adds the versions this site tests.
# --8<-- [start:install]
pip install Flask
# --8<-- [end:install]
# --8<-- [start:expect]
flask --app cli.flask_app greet Ada --times 2 --shout
# HELLO, ADA!
# HELLO, ADA!
flask --app cli.flask_app site info
# Example Site (debug: False)
flask --app cli.flask_app site setting SITE_NAME
# Example Site
flask --app cli.flask_app --help
# Commands:
# greet   Greet NAME one or more times.
# routes  Show the routes for the app.
# run     Run a development server.
# shell   Run a shell in the app context.
# site    Look at the site's configuration.
# --8<-- [end:expect]

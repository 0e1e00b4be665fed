# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
cd examples
flask --app cli.flask_app greet Ada --times 2 --shout
flask --app cli.flask_app site info
flask --app cli.flask_app site setting SITE_NAME
flask --app cli.flask_app --help
# --8<-- [end:run]

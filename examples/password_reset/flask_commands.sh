# Run from a clone of this site's repository, inside the virtual environment.
# --8<-- [start:run]
pip install aiosmtpd==1.4.6  # already installed by this site's requirements
cd examples
python -m aiosmtpd -n &  # an SMTP server on localhost:8025 that prints each message
flask --app password_reset.flask_app create-user alice@example.com
flask --app password_reset.flask_app run --port 8000
# Open http://127.0.0.1:8000/reset/, ask for alice@example.com, follow the printed link.
# --8<-- [end:run]

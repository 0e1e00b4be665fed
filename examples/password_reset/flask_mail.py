"""Sending mail from Flask with the standard library: smtplib and email.message."""

# --8<-- [start:mail]
import smtplib
from email.message import EmailMessage

from flask import current_app


def send_mail(to, subject, body):
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    server, port = config["MAIL_SERVER"], config["MAIL_PORT"]
    with smtplib.SMTP(server, port, timeout=10) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
# --8<-- [end:mail]

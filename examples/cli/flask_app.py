"""Custom `flask` commands: one command with options, and a group of sub-commands."""

import click
from flask import Blueprint, Flask, current_app

# --8<-- [start:command]
# cli_group=None puts the blueprint's commands at the top:
# `flask greet`, not `flask tools greet`.
tools = Blueprint("tools", __name__, cli_group=None)


def create_app():
    app = Flask(__name__)
    app.config["SITE_NAME"] = "Example Site"
    # The blueprint's commands come with it.
    app.register_blueprint(tools)
    return app


@tools.cli.command("greet")
@click.argument("name")
@click.option(
    "--times",
    type=click.IntRange(min=1),
    default=1,
    help="How many greetings.",
)
@click.option("--shout", is_flag=True, help="Print in capitals.")
def greet(name, times, shout):
    """Greet NAME one or more times."""
    message = f"Hello, {name}!"
    if shout:
        message = message.upper()
    for _ in range(times):
        click.echo(message)
# --8<-- [end:command]


# --8<-- [start:group]
@tools.cli.group("site")
def site():
    """Look at the site's configuration."""


@site.command("info")
def site_info():
    """Print the site's name and debug mode."""
    name = current_app.config["SITE_NAME"]
    click.echo(f"{name} (debug: {current_app.debug})")


@site.command("setting")
@click.argument("key")
def site_setting(key):
    """Print one configuration value."""
    if key not in current_app.config:
        raise click.BadParameter(
            f"no setting named {key}", param_hint="KEY"
        )
    click.echo(current_app.config[key])
# --8<-- [end:group]

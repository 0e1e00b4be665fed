"""Custom commands: each prints what the page says, rejects bad arguments, and runs as typed."""

from __future__ import annotations

import io

import click
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cli.flask_app import create_app


@pytest.fixture
def runner():
    return create_app().test_cli_runner()


def django(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# Flask ----------------------------------------------------------------------


def test_flask_greet_repeats_and_shouts(runner):
    result = runner.invoke(args=["greet", "Ada", "--times", "2", "--shout"])
    assert result.exit_code == 0
    assert result.output == "HELLO, ADA!\nHELLO, ADA!\n"


def test_flask_greet_defaults_to_once(runner):
    result = runner.invoke(args=["greet", "Ada"])
    assert result.output == "Hello, Ada!\n"


@pytest.mark.parametrize("times", ["0", "two"])
def test_flask_rejects_a_bad_count_with_a_usage_error(runner, times):
    result = runner.invoke(args=["greet", "Ada", "--times", times])
    assert result.exit_code == 2  # click's exit code for usage errors
    assert "Invalid value for '--times'" in result.output


def test_flask_help_lists_the_custom_commands(runner):
    result = runner.invoke(args=["--help"])
    assert "greet" in result.output and "site" in result.output
    group = runner.invoke(args=["site", "--help"])
    assert "info" in group.output and "setting" in group.output


def test_flask_group_commands_see_the_app_config(runner):
    assert runner.invoke(args=["site", "info"]).output == "Example Site (debug: False)\n"
    assert runner.invoke(args=["site", "setting", "SITE_NAME"]).output == "Example Site\n"


def test_flask_group_rejects_an_unknown_setting(runner):
    result = runner.invoke(args=["site", "setting", "NOPE"])
    assert result.exit_code == 2
    assert "no setting named NOPE" in result.output


# Django ---------------------------------------------------------------------


def test_django_greet_repeats_and_shouts():
    assert django("greet", "Ada", "--times", "2", "--shout") == "HELLO, ADA!\nHELLO, ADA!\n"


def test_django_greet_defaults_to_once():
    assert django("greet", "Ada") == "Hello, Ada!\n"


def test_django_rejects_a_count_below_one():
    with pytest.raises(CommandError, match="--times must be 1 or more"):
        django("greet", "Ada", "--times", "0")


def test_django_rejects_a_count_that_is_not_a_number():
    # From call_command, argparse's error becomes a CommandError instead of an exit.
    with pytest.raises(CommandError, match="invalid int value"):
        django("greet", "Ada", "--times", "two")


def test_django_sub_commands_read_settings(settings):
    settings.TIME_ZONE = "Europe/Paris"
    assert django("site", "setting", "TIME_ZONE") == "Europe/Paris\n"
    assert django("site", "info") == f"{settings.SETTINGS_MODULE} (debug: {settings.DEBUG})\n"


def test_django_sub_command_rejects_an_unknown_setting():
    with pytest.raises(CommandError, match="no setting named NOPE"):
        django("site", "setting", "NOPE")


def test_django_needs_a_sub_command():
    with pytest.raises(CommandError):
        django("site")


# What the pages say about Flask's CLI, run on the pinned Flask ----------------


def test_app_cli_commands_shell_and_routes_run_in_the_app_context_and_run_does_not(monkeypatch):
    """docs/choosing/tooling.md: `app.cli` commands, `shell` and `routes` run inside the app's
    context; `flask run` pushes none (each request gets its own while the server runs)."""
    import click.testing
    import flask.cli
    from flask import Flask, current_app, has_app_context
    from flask.cli import FlaskGroup

    probe, seen = Flask("probe"), {}

    @probe.cli.command("where")
    def where():
        seen["where"] = has_app_context() and current_app._get_current_object() is probe

    monkeypatch.setattr(flask.cli, "run_simple", lambda *a, **k: seen.setdefault("run", has_app_context()))
    monkeypatch.setattr("code.interact", lambda **k: seen.setdefault("shell", has_app_context()))
    cli = FlaskGroup(create_app=lambda: probe)
    runner = click.testing.CliRunner()
    for args in (["where"], ["run"], ["shell"]):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert seen == {"where": True, "run": False, "shell": True}
    # `routes` reads current_app.url_map: it lists the probe app's static route.
    assert "/static/<path:filename>" in runner.invoke(cli, ["routes"]).output


def test_the_cli_test_runner_captures_print_as_well_as_click_echo():
    """docs/cookbook/cli.md: `click.echo()` is not needed for the test runner to see output."""
    from flask import Flask

    probe = Flask("probe")

    @probe.cli.command("both")
    def both():
        print("from print")
        click.echo("from click.echo")

    result = probe.test_cli_runner().invoke(args=["both"])
    assert result.output == "from print\nfrom click.echo\n"


def test_the_click_version_the_page_names_is_the_pinned_one():
    import re

    from tests.examples.conftest import ROOT

    pin = re.search(r"(?m)^click==(\d+\.\d+)", (ROOT / "examples/requirements-common.txt").read_text()).group(1)
    assert re.search(rf"\(Click\s+{re.escape(pin)}\)", (ROOT / "docs/cookbook/cli.md").read_text(encoding="utf-8"))

"""Custom commands: each prints what the page says, rejects bad arguments, and runs as typed."""

from __future__ import annotations

import io

import click
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cli.flask_app import create_app

FRAMEWORKS = ["flask", "django"]


def run(framework: str, *args: str) -> tuple[bool, str]:
    """(succeeded, what it printed or the error) of a command as the reader types it:
    `flask <args>` through Click's runner, `manage.py <args>` through call_command."""
    if framework == "flask":
        result = create_app().test_cli_runner().invoke(args=list(args))
        assert result.exit_code in (0, 2), result.output  # 2: Click's code for a usage error
        return result.exit_code == 0, result.output
    out = io.StringIO()
    try:
        call_command(*args, stdout=out)
    except CommandError as error:  # from call_command, argparse's errors are CommandErrors too
        return False, str(error)
    return True, out.getvalue()


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_greet_repeats_and_shouts_or_says_it_once(framework):
    assert run(framework, "greet", "Ada", "--times", "2", "--shout") == (True, "HELLO, ADA!\nHELLO, ADA!\n")
    assert run(framework, "greet", "Ada") == (True, "Hello, Ada!\n")


REFUSED = {
    ("flask", "0"): "Invalid value for '--times'",
    ("flask", "two"): "Invalid value for '--times'",
    ("django", "0"): "--times must be 1 or more",
    ("django", "two"): "invalid int value",
}


@pytest.mark.parametrize(("framework", "times"), REFUSED)
def test_a_bad_count_is_refused_with_a_usage_error(framework, times):
    ok, said = run(framework, "greet", "Ada", "--times", times)
    assert not ok and REFUSED[framework, times] in said


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_an_unknown_setting_is_refused(framework):
    ok, said = run(framework, "site", "setting", "NOPE")
    assert not ok and "no setting named NOPE" in said


def test_flask_help_lists_the_custom_commands():
    assert all(name in run("flask", "--help")[1] for name in ("greet", "site"))
    assert all(name in run("flask", "site", "--help")[1] for name in ("info", "setting"))


def test_flask_group_commands_see_the_app_config():
    assert run("flask", "site", "info") == (True, "Example Site (debug: False)\n")
    assert run("flask", "site", "setting", "SITE_NAME") == (True, "Example Site\n")


def test_django_sub_commands_read_settings(settings):
    settings.TIME_ZONE = "Europe/Paris"
    assert run("django", "site", "setting", "TIME_ZONE") == (True, "Europe/Paris\n")
    assert run("django", "site", "info") == (True, f"{settings.SETTINGS_MODULE} (debug: {settings.DEBUG})\n")


def test_django_needs_a_sub_command():
    assert not run("django", "site")[0]


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

"""Hello world: both apps answer on /, and the run commands on the page work as written."""

from __future__ import annotations

import shlex

import pytest

from hello.flask_app import app
from tests.conftest import free_port
from tests.examples.conftest import section
from tests.examples.serving import as_typed, reader_env, serving


def test_flask_says_hello():
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "Hello from Flask!"


@pytest.mark.urls("hello.django_app.urls")
def test_django_says_hello(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode() == "Hello from Django!"


@pytest.mark.parametrize(
    ("script", "expected"),
    [("hello/flask_commands.sh", "Hello from Flask!"), ("hello/django_commands.sh", "Hello from Django!")],
)
def test_run_commands_on_the_page_serve_the_app(script, expected):
    """Follow the page literally: `cd examples`, then the run command, on a free port."""
    lines = section(script, "run")
    assert lines[0] == "cd examples"
    command = shlex.split(lines[1])
    assert "8000" in command, "the page's command names port 8000"
    port = free_port()
    with serving(as_typed(command, port), f"http://127.0.0.1:{port}/", reader_env()) as (status, _, body):
        assert status == 200
        assert body == expected


@pytest.mark.urls("hello.django_app.urls")
def test_head_answers_like_get(client):
    flask = app.test_client().head("/")
    django = client.head("/")
    assert (flask.status_code, django.status_code) == (200, 200)
    assert flask.get_data() == django.content == b""

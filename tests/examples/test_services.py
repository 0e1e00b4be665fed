"""The helpers that start real services and read "Run it" sections fail the way the brief promises."""

from __future__ import annotations

import pytest

from tests.examples.services import INSTALL_REDIS, RunSection, _answers_ping, redis_binary, redis_server


def test_a_missing_redis_server_fails_with_the_command_that_installs_it(tmp_path):
    with pytest.raises(pytest.fail.Exception) as failed:
        redis_binary(path=str(tmp_path))  # a PATH with no redis-server on it
    assert str(failed.value) == (
        f"redis-server is not installed; the examples need a real Redis. Install it with: {INSTALL_REDIS}"
    )
    assert INSTALL_REDIS == "sudo apt-get install redis-server"


def test_redis_server_starts_on_a_free_port_and_stops_afterwards():
    import redis

    with redis_server() as url:
        client = redis.Redis.from_url(url)
        assert client.ping()
        assert client.config_get("save") == {"save": ""}  # no persistence
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        assert _answers_ping(port)
    assert not _answers_ping(port)  # stopped: nothing answers on its port


def test_run_sections_split_into_what_a_test_does_with_each_line():
    run = RunSection.parse(
        [
            "# a comment",
            'redis-server --port 6379 --save "" &',
            "export REDIS_URL=redis://127.0.0.1:6379/0",
            'key="$(python -c 1)"',
            'export FLASK_SECRET_KEY="$key"',
            "flask --app x rq worker &  # the worker",
        ]
    )
    assert run.redis == ["redis-server", "--port", "6379", "--save", ""]
    assert run.exports == {"REDIS_URL": "redis://127.0.0.1:6379/0", "FLASK_SECRET_KEY": "$(python -c 1)"}
    assert run.steps == [["flask", "--app", "x", "rq", "worker"]] and RunSection.long_running(run.steps[0])
    assert not RunSection.long_running(["flask", "--app", "x", "shop", "add", "Teapot", "12"])

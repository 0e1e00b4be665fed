"""Background tasks: the web app enqueues, a real worker process runs the task, the app reports the result.

Flask: Flask-RQ on a real `redis-server` (tests/examples/services.py); the
test posts through the app's test client and starts `flask rq worker` exactly
as the page types it. Django: django.tasks with django-tasks-db; the test runs
the page's commands (migrate, runserver, db_worker) against a scratch
database and drives the form over HTTP as a browser would. In both, the job is
still waiting until the worker starts, so the result can only come from it.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import redis
import requests

from tasks.flask_app import create_app
from tests.examples.browsing import Browser, Inputs
from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import plan_of
from tests.examples.services import RunSection, redis_server, running, wait_for
from tests.examples.serving import as_typed, page_server, reader_env

TEXT = "the cat saw the dog and the dog saw a bird"
# Counted by hand: 11 words; "the" three times, then "saw" and "dog" twice each.
COUNTED = {"words": 11, "top": [["the", 3], ["saw", 2], ["dog", 2]]}
WORKER_TIMEOUT = 20  # seconds for a started worker to finish one tiny job


def run_section(framework: str) -> RunSection:
    return RunSection.parse(section(f"tasks/{framework}_commands.sh", "run"))


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


# Flask ----------------------------------------------------------------------


@pytest.fixture
def flask_client(redis_url, monkeypatch):
    redis.Redis.from_url(redis_url).flushdb()
    monkeypatch.setenv("REDIS_URL", redis_url)
    return create_app({"SECRET_KEY": "test-only"}).test_client()


def flask_post(client, data: dict[str, str]):
    """The form loaded, then posted back with its CSRF token (tests/examples/browsing.py)."""
    return Browser(client).submit("/", data)


def test_flask_job_waits_in_redis_until_the_worker_runs_it(flask_client, redis_url):
    run = run_section("flask")
    assert run.redis[:3] == ["redis-server", "--port", "6379"]
    assert run.exports.pop("REDIS_URL") == "redis://127.0.0.1:6379/0"
    assert "secrets.token_hex" in run.exports["FLASK_SECRET_KEY"]  # typed: a fresh random key
    worker, server = run.steps
    assert worker[-2:] == ["rq", "worker"] and RunSection.long_running(worker)

    response = flask_post(flask_client, {"text": TEXT})
    assert response.status_code == 302
    status_url = response.headers["Location"]
    assert re.fullmatch(r"/jobs/[0-9a-f-]{36}", status_url)
    # No worker yet: the job is queued in Redis, and nothing ran it.
    assert flask_client.get(status_url).json == {"status": "queued", "result": None}
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 1

    with running(as_typed(worker, 0), reader_env(REDIS_URL=redis_url, **run.exports)) as started:
        done = wait_for(
            lambda: flask_client.get(status_url).json["status"] == "finished" and flask_client.get(status_url).json,
            "the RQ worker to finish the job",
            WORKER_TIMEOUT,
            started,
        )
    assert done == {"status": "finished", "result": COUNTED}


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_001])
def test_flask_shows_the_form_again_for_empty_or_huge_text_and_enqueues_nothing(flask_client, redis_url, text):
    response = flask_post(flask_client, {"text": text})
    assert response.status_code == 200 and "<form" in response.text
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 0


@pytest.mark.parametrize("job_id", ["no-such-job", "3f2b8c1e-9d4a-4e7b-8a61-0c5d2e7f9b13", "a.b", "a%00b"])
def test_flask_unknown_job_is_a_404(flask_client, job_id):
    """Never a 500: RQ raises on an id with a dot or a NUL byte, so the URL takes UUIDs only."""
    assert flask_client.get(f"/jobs/{job_id}").status_code == 404


def test_flask_stops_enqueueing_past_the_cap(flask_client, redis_url, monkeypatch):
    monkeypatch.setattr("tasks.flask_views.MAX_WAITING", 2)
    assert [flask_post(flask_client, {"text": TEXT}).status_code for _ in range(3)] == [302, 302, 503]
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 2


# Django ---------------------------------------------------------------------


class Visitor:
    """A browser over HTTP (a requests session: cookies kept, redirects followed): GETs the form, posts it
    back with its CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def open(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        answer = self.session.request("GET" if data is None else "POST", self.base + path, data=data, timeout=10)
        return answer.status_code, answer.url, answer.text

    def submit(self, data: dict[str, str]) -> tuple[int, str, str]:
        return self.open("/tasks/", {**Inputs(self.open("/tasks/")[2]).hidden(), **data})


@pytest.fixture(scope="module")
def django_server(tmp_path_factory):
    """The page's commands up to the server (a migrated scratch database, `runserver`); its worker, not started."""
    db = str(tmp_path_factory.mktemp("tasks") / "db.sqlite3")
    with page_server("tasks/django_commands.sh", "/tasks/", DJANGO_DB=db) as (port, page, [worker], env):
        assert "Count in the background" in page
        # The worker as typed, without its autoreloader (on by default under DEBUG).
        yield Visitor(f"http://127.0.0.1:{port}"), [*as_typed(worker, port), "--no-reload"], env


def test_django_task_waits_in_the_database_until_db_worker_runs_it(django_server):
    browser, worker, env = django_server
    status, status_url, body = browser.submit({"text": TEXT})
    assert status == 200 and re.search(r"/tasks/jobs/[0-9a-f-]{36}/$", status_url)
    assert json.loads(body) == {"status": "READY", "result": None}

    with running(worker, env) as started:

        def finished():
            answer = json.loads(browser.open(status_url.removeprefix(browser.base))[2])
            return answer if answer["status"] == "SUCCESSFUL" else None

        done = wait_for(finished, "db_worker to finish the task", WORKER_TIMEOUT, started)
    assert done == {"status": "SUCCESSFUL", "result": COUNTED}


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_001])
def test_django_shows_the_form_again_for_empty_or_huge_text(django_server, text):
    browser, _, _ = django_server
    status, _, body = browser.submit({"text": text})
    assert status == 200 and "<form" in body


def test_django_stops_enqueueing_past_the_cap(django_server):
    """MAX_WAITING tasks at most wait for the worker; the worker then drains them all."""
    from tasks.django_app.views import MAX_WAITING

    browser, worker, env = django_server
    try:
        statuses = [browser.submit({"text": TEXT})[0] for _ in range(MAX_WAITING + 1)]
        assert statuses[-1] == 503 and statuses.count(200) <= MAX_WAITING
        assert "Too many reports waiting" in browser.submit({"text": TEXT})[2]
    finally:
        subprocess.run([*worker, "--batch"], cwd=EXAMPLES, env=env, check=True, timeout=300, capture_output=True)
    assert browser.submit({"text": TEXT})[0] == 200


@pytest.mark.parametrize("path", ["/tasks/jobs/3f2b8c1e-9d4a-4e7b-8a61-0c5d2e7f9b13/", "/tasks/jobs/no-such-task/"])
def test_django_unknown_task_is_a_404(django_server, path):
    browser, _, _ = django_server
    assert browser.open(path)[0] == 404


def test_the_page_installs_the_backport_on_the_lts_line_only():
    lts = (EXAMPLES / "requirements-lts.txt").read_text()
    pinned = re.search(r"^django-tasks==(\S+)", lts, re.M).group(1)
    p = plan_of("tasks", "django")
    label, _, requirements = p.lts
    assert f"django-tasks=={pinned}" in requirements and label.endswith("LTS")
    assert not any(r.startswith("django-tasks==") for r in p.pip)  # Django 6.1 has django.tasks
    assert any(r.startswith("django-tasks-db==") for r in p.pip)  # the backend, on both lines

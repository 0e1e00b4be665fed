"""Background tasks: the web app enqueues, a real worker process runs the task, the app reports the result.

Each app is started as its page's "Run it" types it (serving.page_server), on a free port:
Flask with Flask-RQ against a `redis-server` of the test's own (tests/examples/services.py),
Django with django-tasks-db on a migrated scratch database. The form is driven over HTTP as a
browser would, and the worker is started as typed only when a test wants it: until then the
job waits, so its result can only come from the worker.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from dataclasses import dataclass

import pytest
import redis
import requests

from tests.examples.browsing import Inputs
from tests.examples.conftest import EXAMPLES, section
from tests.examples.empty_folder import plan_of
from tests.examples.services import RunSection, redis_server, running, wait_for
from tests.examples.serving import as_typed, page_server

TEXT = "the cat saw the dog and the dog saw a bird"
# Counted by hand: 11 words; "the" three times, then "saw" and "dog" twice each.
COUNTED = {"words": 11, "top": [["the", 3], ["saw", 2], ["dog", 2]]}
WORKER_TIMEOUT = 20  # seconds for a started worker to finish one tiny job
MAX_WAITING = 100  # each app's cap on the jobs that wait for a worker (flask_views.py, django_app/views.py)
# Per framework: the form's path, a job's status path, its status before and after the worker.
SIDES = {
    "flask": ("/", r"/jobs/[0-9a-f-]{36}", "queued", "finished"),
    "django": ("/tasks/", r"/tasks/jobs/[0-9a-f-]{36}/", "READY", "SUCCESSFUL"),
}


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


@dataclass
class Tasks:
    """One app as its page runs it: a visitor of the form, and its worker as typed, not started."""

    framework: str
    base: str
    worker: list[str]
    env: dict[str, str]
    waiting: object  # () -> how many jobs wait for a worker, read from Redis or the database
    drain: object  # () -> None: no job waits any more

    def __post_init__(self):
        self.session = requests.Session()  # a browser: cookies kept, redirects followed

    def open(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        answer = self.session.request("GET" if data is None else "POST", self.base + path, data=data, timeout=10)
        return answer.status_code, answer.url.removeprefix(self.base), answer.text

    def submit(self, text: str) -> tuple[int, str, str]:
        """The form loaded, then posted back with its CSRF token."""
        form = SIDES[self.framework][0]
        return self.open(form, {**Inputs(self.open(form)[2]).hidden(), "text": text})


@pytest.fixture(scope="module", params=list(SIDES))
def tasks(request, redis_url, tmp_path_factory):
    framework = request.param
    db = tmp_path_factory.mktemp("tasks") / "db.sqlite3"
    script = f"tasks/{framework}_commands.sh"
    run = RunSection.parse(section(script, "run"))
    if framework == "flask":
        assert run.redis[:3] == ["redis-server", "--port", "6379"]
        assert run.exports["REDIS_URL"] == "redis://127.0.0.1:6379/0"
        assert "secrets.token_hex" in run.exports["FLASK_SECRET_KEY"]  # typed: a fresh random key
    queue = redis.Redis.from_url(redis_url)
    ready = "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
    services = {"REDIS_URL": redis_url, "DJANGO_DB": str(db)}
    with page_server(script, SIDES[framework][0], **services) as (port, page, [worker], env):
        assert "Count in the background" in page
        # The worker as typed; Django's without its autoreloader (on by default under DEBUG).
        worker = as_typed(worker, port) + (["--no-reload"] if framework == "django" else [])
        if framework == "flask":
            # RQ's worker forks for each job: emptying Redis is faster than running a hundred.
            waiting, drain = (lambda: queue.llen("rq:queue:default")), queue.flushdb
        else:

            def waiting():
                return sqlite3.connect(db).execute(ready).fetchone()[0]

            def drain():  # the worker runs every waiting task, then stops
                run = [*worker, "--batch"]
                subprocess.run(run, cwd=EXAMPLES, env=env, check=True, timeout=300, capture_output=True)

        yield Tasks(framework, f"http://127.0.0.1:{port}", worker, env, waiting, drain)


def test_a_job_waits_until_the_worker_runs_it(tasks):
    _, job, before, after = SIDES[tasks.framework]
    status, status_url, body = tasks.submit(TEXT)
    assert status == 200 and re.fullmatch(job, status_url)
    # No worker yet: the job waits, and nothing ran it.
    assert json.loads(body) == {"status": before, "result": None}
    assert tasks.waiting() == 1

    def finished():
        answer = json.loads(tasks.open(status_url)[2])
        return answer if answer["status"] == after else None

    with running(tasks.worker, tasks.env) as started:
        done = wait_for(finished, f"the {tasks.framework} worker to finish the job", WORKER_TIMEOUT, started)
    assert done == {"status": after, "result": COUNTED}


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_001])
def test_empty_or_huge_text_shows_the_form_again_and_enqueues_nothing(tasks, text):
    status, _, body = tasks.submit(text)
    assert status == 200 and "<form" in body
    assert tasks.waiting() == 0


def test_enqueueing_stops_past_the_cap_and_starts_again_once_no_job_waits(tasks):
    try:
        statuses = [tasks.submit(TEXT)[0] for _ in range(MAX_WAITING + 1)]
        assert statuses == [200] * MAX_WAITING + [503]
        assert tasks.waiting() == MAX_WAITING
        assert "Too many reports waiting" in tasks.submit(TEXT)[2]
    finally:
        tasks.drain()
    assert tasks.waiting() == 0
    assert tasks.submit(TEXT)[0] == 200
    tasks.drain()


@pytest.mark.parametrize("job_id", ["no-such-job", "3f2b8c1e-9d4a-4e7b-8a61-0c5d2e7f9b13", "a.b", "a%00b"])
def test_an_unknown_job_is_a_404(tasks, job_id):
    """Never a 500: RQ raises on an id with a dot or a NUL byte, so each URL takes UUIDs only."""
    path = SIDES[tasks.framework][1].replace("[0-9a-f-]{36}", job_id)
    assert tasks.open(path)[0] == 404


def test_the_page_installs_the_backport_on_the_lts_line_only():
    lts = (EXAMPLES / "requirements-lts.txt").read_text()
    pinned = re.search(r"^django-tasks==(\S+)", lts, re.M).group(1)
    p = plan_of("tasks", "django")
    label, _, requirements = p.lts
    assert f"django-tasks=={pinned}" in requirements and label.endswith("LTS")
    assert not any(r.startswith("django-tasks==") for r in p.pip)  # Django 6.1 has django.tasks
    assert any(r.startswith("django-tasks-db==") for r in p.pip)  # the backend, on both lines

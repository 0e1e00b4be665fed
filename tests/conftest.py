"""Fixtures shared by every test folder: the project root, site builds, a server."""

from __future__ import annotations

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


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def build_site(project: Path, dest: Path, **env: str) -> Build:
    """Run `mkdocs build --strict` (never -v: it skips anchor checks in MkDocs 1.6.1)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", **env}
    proc = subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--clean", "-f", project / "mkdocs.yml", "-d", dest],
        cwd=project, env=environ, capture_output=True, text=True, timeout=300,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, dest)


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything a build reads, for tests that break it on purpose."""
    return bench.copy_project(dest)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The real site, built once, addressed as if published under SUBPATH."""
    dest = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT, dest, SITE_URL=f"http://127.0.0.1{SUBPATH}")
    assert result.returncode == 0, f"the site does not build:\n{result.output}"
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

"""Fixtures shared by every test folder: the project root, site builds, a server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a build needs from the repository; a temporary copy gets exactly these.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data", "examples", "includes")
# The sub-path GitHub Pages serves a project site under.
SUBPATH = "/python-web-guide/"


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
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "db.sqlite3", "staticfiles")
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    return dest


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

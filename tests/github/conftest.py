"""The offline edition, built, zipped and unzipped once per test session; what .ci/run installs."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools import offline


@dataclass
class OfflineEdition:
    output: str
    zip: Path
    # The unzipped folder a reader double-clicks into: <tmp>/unzipped/web-development-using-python/
    site: Path


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory) -> OfflineEdition:
    """`make offline`'s build and zip (tools/offline.py), unzipped into a fresh folder as a reader would."""
    tmp = tmp_path_factory.mktemp("offline")
    proc = offline.build(tmp / "built", SOURCE_DATE_EPOCH="1767225600")
    assert proc.returncode == 0, f"the offline edition does not build:\n{proc.stdout}{proc.stderr}"
    archive = offline.make_zip(tmp / "built", tmp / offline.ZIP_NAME, epoch=1767225600)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp / "unzipped")
    return OfflineEdition(proc.stdout + proc.stderr, archive, tmp / "unzipped" / offline.NAME)


def ci_packages() -> set[str]:
    """The Debian packages .ci/run installs, from its `for pair in command:package ...; do` loop."""
    loop = re.search(r"^for pair in (.+); do$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)
    assert loop, ".ci/run no longer lists its Debian packages as `for pair in command:package ...; do`"
    return {pair.split(":")[1] for pair in loop.group(1).split()}

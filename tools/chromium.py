"""The Chromium that the browser tests, `make screenshots` and `make bench` drive: one search order.

``CHROMIUM_PATH``, else ``CHROME_PATH`` (GitHub's runners name their Chrome so),
else Debian's package, else Playwright's own download when one was ever made
(``playwright install`` needs the network, which these machines do not have).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# Debian's package (`apt-get install chromium`).
DEBIAN_CHROMIUM = "/usr/bin/chromium"
MISSING = (
    "no Chromium found: install Debian's chromium (`apt-get install chromium`) "
    "or set CHROMIUM_PATH to a Chromium binary"
)


def candidates(playwright: Any = None) -> list[str]:
    """The places looked at, in order."""
    found = [os.environ.get("CHROMIUM_PATH"), os.environ.get("CHROME_PATH"), DEBIAN_CHROMIUM]
    if playwright is not None:
        try:
            found.append(playwright.chromium.executable_path)
        except Exception:  # noqa: BLE001 - Playwright raises when its browser was never downloaded
            pass
    return [path for path in found if path]


def find(playwright: Any = None) -> str | None:
    """The first candidate that is an executable file, or None."""
    return next((p for p in candidates(playwright) if Path(p).is_file() and os.access(p, os.X_OK)), None)

"""The example tests `make check` runs: those of the topics changed since the base branch.

    python tools/changed_tests.py [--base main]

Prints test paths, one per line. A topic is changed when a file of its own
changed (examples/<topic>/, docs/cookbook/<topic>.md,
tests/examples/test_<topic>.py), committed or not, tracked or new. A change to
what every topic shares (examples/project/, the example requirements,
tests/examples' helpers) selects every example test. With no base branch to
compare with (a shallow clone), every example test too. `make test` and CI
always run every one.

Standard library only.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TESTS = "tests/examples"
# Every topic's tests depend on these: a change here selects them all.
SHARED = (
    "examples/project/",
    "examples/requirements",
    "examples/manage.py",
    "tests/examples/conftest.py",
    "tests/examples/browsing.py",
    "tests/examples/services.py",
    "tests/examples/serving.py",
    "tests/examples/garbage.py",
    "tests/examples/empty_folder.py",
    "macros/topics.py",
    "macros/run_it.py",
)


def _git(*args: str) -> list[str] | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return [line for line in out.stdout.splitlines() if line.strip()]


def changed(base: str) -> list[str] | None:
    """Files changed against ``base`` (committed, staged, unstaged) and new untracked files; None: no base."""
    merge_base = _git("merge-base", base, "HEAD")
    if not merge_base:
        return None
    diff = _git("diff", "--name-only", merge_base[0])
    new = _git("ls-files", "--others", "--exclude-standard")
    return sorted(set((diff or []) + (new or [])))


def tests_for(files: list[str] | None, root: Path = ROOT) -> list[str]:
    every = sorted(p.relative_to(root).as_posix() for p in (root / EXAMPLE_TESTS).glob("test_*.py"))
    if files is None or any(f.startswith(SHARED) for f in files):
        return every
    topics: set[str] = set()
    for f in files:
        parts = f.split("/")
        if parts[0] == "examples" and len(parts) > 2:
            topics.add(parts[1])
        elif f.startswith("docs/cookbook/") and f.endswith(".md"):
            topics.add(Path(f).stem)
        elif f.startswith(f"{EXAMPLE_TESTS}/test_"):
            topics.add(Path(f).stem.removeprefix("test_"))
    return [t for t in every if Path(t).stem.removeprefix("test_") in topics]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the branch to compare with (default: main)")
    args = parser.parse_args(argv)
    print("\n".join(tests_for(changed(args.base))))


if __name__ == "__main__":
    main()

"""`--topic NAME` (tests/conftest.py, run by `make test-topic`) keeps one topic's tests and the site-wide ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import COOKBOOK_PAGES, ROOT, topic_names, topic_of

NAMES = {"auth", "cli", "hello"}
ATTACK = ROOT / "tests/attacks/test_writes.py"


def test_a_test_is_a_topics_by_its_own_file_its_topic_parameter_or_its_page():
    assert topic_of(ROOT / "tests/examples/test_auth.py", {}, NAMES) == "auth"
    assert topic_of(ATTACK, {"topic": "cli", "framework": "flask"}, NAMES) == "cli"
    assert topic_of(ROOT / "tests/site/test_page_shape.py", {"page": COOKBOOK_PAGES / "hello.md"}, NAMES) == "hello"
    # The browser's page-by-page tests, whose pages --topic narrows to the topic's (and home).
    sweep = ROOT / "tests/browser/test_layout.py"
    assert topic_of(sweep, {"built_site": "mkdocs"}, NAMES, "cli", ("sweep", "swept_pages")) == "cli"
    assert topic_of(sweep, {"built_site": "mkdocs"}, NAMES, None, ("sweep", "swept_pages")) is None


def test_a_test_of_the_whole_site_is_no_topics():
    # Shared example tests, a parameter that merely shares a topic's name, and pages that are not topics'.
    assert topic_of(ROOT / "tests/examples/test_project.py", {}, NAMES) is None
    assert topic_of(ROOT / "tests/facts/test_facts.py", {"fid": "cli", "fw": "flask"}, NAMES) is None
    assert topic_of(ATTACK, {"topic": "bench"}, NAMES) is None
    assert topic_of(ROOT / "tests/site/test_page_shape.py", {"page": COOKBOOK_PAGES / "index.md"}, NAMES) is None
    assert topic_of(ROOT / "tests/site/test_page_shape.py", {"page": ROOT / "docs/cli.md"}, NAMES) is None
    # A browser test over the whole site (the drawer's walk from home to every page).
    drawer = ROOT / "tests/browser/test_interactions.py"
    assert topic_of(drawer, {"built_site": "mkdocs"}, NAMES, "cli", ("site_pages", "new_context")) is None


def test_the_topics_are_the_manifests():
    assert set(topic_names()) == {p.parent.name for p in (ROOT / "examples").glob("*/topic.yml")}


def test_a_misspelt_topic_stops_the_run_before_any_test_saying_which_topics_are_close():
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-q", "--no-cov", "--topic", "helo", Path(__file__).as_posix()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert "--topic helo: examples/helo/ is not a topic; did you mean hello?" in proc.stderr, proc.stderr

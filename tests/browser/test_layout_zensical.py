"""test_layout.py's sweep and every test on it, on Zensical's build.

A file of its own so that pytest-xdist, which runs each file in one process
(the Makefile's `--dist loadfile`), runs this sweep beside MkDocs's instead of
after it: each takes minutes.
"""

import pytest

from tests.browser.test_layout import *  # noqa: F403 (the tests and their fixtures, collected here again)

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("built_site", ["zensical"], indirect=True)]

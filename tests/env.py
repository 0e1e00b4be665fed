"""A random DJANGO_SECRET_KEY for the test run, set before any settings module is imported.

examples/project/settings.py refuses to start without the variable (a key
anyone can read would sign anyone's session cookie). Loaded with ``-p tests.env``
(pyproject addopts and the Makefile's test-lts line), so it runs before
pytest-django imports settings; servers the tests start inherit it.
"""

import os
import secrets

os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_hex(32))

"""The one Django project that hosts every topic: its URLs and entry points load."""

from __future__ import annotations

import importlib
import io

import pytest
from django.core.management import call_command


def test_root_urls_serve_the_admin(client):
    """The admin is mounted and asks an anonymous visitor to sign in (hello at /: test_hello.py)."""
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("module", ["project.wsgi", "project.asgi"])
def test_server_entry_points_expose_an_application(module):
    assert callable(importlib.import_module(module).application)


def test_every_topics_migrations_match_its_models(db):
    """One rule for every app the project installs: a model changed without its migration fails."""
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()

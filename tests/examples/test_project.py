"""The one Django project that hosts every topic: its URLs and entry points load."""

from __future__ import annotations

import importlib

import pytest


def test_root_urls_serve_hello_and_admin(client):
    assert client.get("/").content.decode() == "Hello from Django!"
    # The admin is mounted and asks an anonymous visitor to sign in.
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("module", ["project.wsgi", "project.asgi"])
def test_server_entry_points_expose_an_application(module):
    assert callable(importlib.import_module(module).application)

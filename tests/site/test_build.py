"""The site builds strictly, offline, reproducibly, and fails loudly on bad input."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, build_zensical, copy_project, free_port

ASSET = re.compile(r"""<(?:script|link|img|source|iframe|audio|video)\b[^>]*?\b(?:src|href|srcset)=["']([^"']+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.I)


def test_builds_strict_with_no_warnings(built_site):
    assert "WARNING" not in built_site.output, built_site.output
    assert (built_site.site / "index.html").is_file()


def test_no_asset_comes_from_another_host(built_site):
    remote = []
    for page in built_site.site.rglob("*.html"):
        for url in ASSET.findall(page.read_text(encoding="utf-8")):
            if re.match(r"(https?:)?//", url):
                # <link rel=canonical/alternate> point at pages, not assets; only stylesheets,
                # icons and preloads are fetched.
                remote.append(f"{page.relative_to(built_site.site)}: {url}")
    for sheet in built_site.site.rglob("*.css"):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if re.match(r"(https?:)?//", url):
                remote.append(f"{sheet.relative_to(built_site.site)}: {url}")
    # Canonical and alternate links are addresses of this site, not fetched assets.
    remote = [r for r in remote if "127.0.0.1/python-web-guide/" not in r]
    assert remote == []


def test_the_questionnaire_script_loads_only_on_its_own_page(built_site):
    """decision.js is written into "How to choose" by the decision_form() macro, nowhere else."""
    loading = sorted(str(p.relative_to(built_site.site)) for p in built_site.site.rglob("*.html")
                     if "decision.js" in p.read_text(encoding="utf-8"))
    assert loading == ["choosing/decision/index.html"]
    assert (built_site.site / "assets" / "javascripts" / "decision.js").is_file()


def test_two_builds_are_byte_identical(built_site, tmp_path):
    if built_site.engine == "zensical":
        again = build_zensical(copy_project(tmp_path / "again"), SITE_URL="http://127.0.0.1/python-web-guide/")
    else:
        again = build_site(ROOT, tmp_path / "again", SITE_URL="http://127.0.0.1/python-web-guide/")
    assert again.returncode == 0, again.output
    first = {p.relative_to(built_site.site): p.read_bytes() for p in built_site.site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site): p.read_bytes() for p in again.site.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []


def test_every_page_has_a_description_and_open_graph(built_site):
    for page in built_site.site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{20,}"', html), page
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), page
        assert re.search(r'<meta property="og:description" content="[^"]{20,}"', html), page


def test_404_page_links_work_under_a_sub_path(built_site):
    html = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert 'href="/python-web-guide/"' in html
    # Zensical keeps Material's look in assets/stylesheets/classic/ (theme.variant).
    assert re.search(r'<link rel="stylesheet" href="/python-web-guide/assets/stylesheets/(classic/)?main\.[0-9a-f]+\.min\.css"',
                     html)


def test_serve_answers_on_its_port_and_stops_cleanly():
    port = free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"ADDR=127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"make serve did not answer:\n{proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.5)
        assert "<title>Web Development Using Python</title>" in body
        assert "livereload" in body
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert "Traceback" not in output, output


OFFLINE_SERVE = """
import os, signal, subprocess, sys, time, urllib.request
port = sys.argv[1]
proc = subprocess.Popen(["make", "--no-print-directory", "serve", f"ADDR=127.0.0.1:{port}"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
deadline = time.monotonic() + 90
try:
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                print(resp.read().decode())
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("make serve did not answer: " + proc.communicate()[0])
            time.sleep(0.5)
finally:
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=30)
"""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"),
                    reason="cutting the network needs root, unshare and ip")
def test_serve_works_with_the_network_cut():
    """`make serve` in a network namespace that has nothing but loopback."""
    script = f'ip link set lo up && exec "{sys.executable}" -c "$0" {free_port()}'
    proc = subprocess.run(["unshare", "--net", "sh", "-c", script, OFFLINE_SERVE], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "<title>Web Development Using Python</title>" in proc.stdout


# Bad input: each case breaks a temporary copy of the project in one place and
# expects the build to fail with a message that names the page (or file) and the key.

def _break(tmp_path: Path, edit) -> str:
    project = copy_project(tmp_path / "project")
    edit(project)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, f"the broken build passed:\n{result.output}"
    return result.output


def _append(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_dead_internal_link_fails_naming_the_page(tmp_path):
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", "See [nowhere](no-such-page.md)."))
    assert "cookbook/hello.md" in out and "no-such-page.md" in out


def test_dead_anchor_fails_naming_the_page(tmp_path):
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", "See [there](routing.md#no-such-anchor)."))
    assert "cookbook/hello.md" in out and "no-such-anchor" in out


def test_missing_snippet_file_fails_naming_the_page(tmp_path):
    out = _break(tmp_path, lambda p: (p / "examples/hello/flask_app.py").unlink())
    users = [f"docs/{p.relative_to(ROOT / 'docs')}" for p in (ROOT / "docs").rglob("*.md")
             if 'example("hello", "app")' in p.read_text(encoding="utf-8")]
    assert any(f"{page}: example(): no Flask file in examples/hello/" in out for page in users), out[-2000:]
    assert "'app'" in out


def test_missing_snippet_include_fails_naming_the_page(tmp_path):
    # A raw include, bypassing the macro: pymdownx.snippets (check_paths) must catch it.
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", '--8<-- "examples/hello/no_such_file.py"'))
    assert "cookbook/hello.md" in out and "no_such_file.py" in out


def test_undefined_macro_variable_fails_naming_the_page(tmp_path):
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", "Version {{ no_such_variable }}."))
    assert "cookbook/hello.md" in out and "no_such_variable" in out


def test_unknown_framework_in_a_macro_fails_naming_the_page_and_key(tmp_path):
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", '{{ feature_matrix(frameworks=["flask", "rails"]) }}'))
    assert "docs/cookbook/hello.md" in out and "'rails'" in out


def test_unknown_topic_in_a_macro_fails_naming_the_page_and_key(tmp_path):
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", '{{ topic_table("no_such_topic") }}'))
    assert "docs/cookbook/hello.md" in out and "'no_such_topic'" in out


def test_malformed_data_fails_naming_file_key_and_line(tmp_path):
    def edit(p):
        f = p / "data/features.yml"
        f.write_text(f.read_text().replace("support: addon", "support: maybe", 1))
    out = _break(tmp_path, edit)
    assert "data/features.yml" in out and "support" in out and "line " in out and "'maybe'" in out

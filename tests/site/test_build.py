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
import yaml

from tests.conftest import ROOT, build_site, build_zensical, copy_project, copy_repo, free_port, problems

ASSET = re.compile(
    r"""<(?:script|link|img|source|iframe|audio|video)\b[^>]*?\b(?:src|href|srcset)=["']([^"']+)""", re.I
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.I)


def test_builds_strict_with_no_warnings(site_build):
    found = problems(site_build.output)
    if site_build.returncode != 0 or found:
        # The build's own messages first: each names the file and line to fix.
        pytest.fail("\n".join(found or [site_build.output[-3000:]]) + "\n(`make build` shows the same)", pytrace=False)
    assert (site_build.site / "index.html").is_file()


def test_builds_with_zensical_strictly(zensical_build):
    """`make build-zensical`: the same source, built by the second engine (issue 12)."""
    if zensical_build.returncode != 0:
        pytest.fail(zensical_build.output[-3000:] + "\n(`make build-zensical` shows the same)", pytrace=False)
    assert "WARNING" not in zensical_build.output, zensical_build.output
    assert (zensical_build.site / "index.html").is_file()


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
    loading = sorted(
        str(p.relative_to(built_site.site))
        for p in built_site.site.rglob("*.html")
        if "decision.js" in p.read_text(encoding="utf-8")
    )
    assert loading == ["choosing/decision/index.html"]
    assert (built_site.site / "assets" / "javascripts" / "decision.js").is_file()


def test_no_page_links_a_download_the_build_did_not_write(built_site):
    """The footer's "Download the guide" links the offline zip only in a build that has it beside
    the site (the deploy sets OFFLINE_DOWNLOAD): under `make build` and `make serve` it would be a 404."""
    missing = set()
    for page in built_site.site.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+\.zip)"', page.read_text(encoding="utf-8")):
            if not (page.parent / href).resolve().is_file():
                missing.add(f"{page.relative_to(built_site.site)}: {href}")
    assert sorted(missing)[:5] == []


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


def test_404_page_links_work_under_a_sub_path(built_site):
    html = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert 'href="/python-web-guide/"' in html
    # Zensical keeps Material's look in assets/stylesheets/classic/ (theme.variant).
    assert re.search(
        r'<link rel="stylesheet" href="/python-web-guide/assets/stylesheets/(classic/)?main\.[0-9a-f]+\.min\.css"', html
    )


def stop(proc: subprocess.Popen) -> str:
    """Stop `make serve` and everything it started; its output, even if it had already exited."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:
        pass  # it stopped on its own: the output says why
    return proc.communicate(timeout=30)[0]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=2) as resp:
        return resp.read().decode()


def test_serve_shows_a_half_written_page_and_stops_cleanly(mkdocs_site, tmp_path):  # `make serve` is MkDocs
    """`make serve` is for writing: a page the build would reject is served, with the reason on it."""
    project = copy_repo(tmp_path / "project")
    page = project / "docs/cookbook/hello.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "descripton:", 1), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"ADDR=127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        body = None
        while body is None and proc.poll() is None and time.monotonic() < deadline:
            try:
                body = fetch(f"http://127.0.0.1:{port}/")
            except OSError:
                time.sleep(0.5)
        if body is None:
            pytest.fail(f"make serve did not answer:\n{stop(proc)}", pytrace=False)
        assert "<title>Web Development Using Python</title>" in body
        assert "livereload" in body
        hello = fetch(f"http://127.0.0.1:{port}/cookbook/hello/")
    finally:
        output = stop(proc)
    assert "The build rejects this page" in hello and "is not a front matter key" in hello
    assert "WARNING -  docs/cookbook/hello.md, line 2: `descripton:` is not a front matter key" in output, output
    assert "Traceback" not in output, output


# Run inside the namespace: tools/processes.py starts `make serve`, waits for its answer and stops it.
OFFLINE_SERVE = """
import os, sys
from tools.processes import serving
port = sys.argv[1]
command = ["make", "--no-print-directory", "serve", f"ADDR=127.0.0.1:{port}"]
with serving(command, f"http://127.0.0.1:{port}/", dict(os.environ), ".", timeout=90) as (_, _, body):
    print(body)
"""


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"),
    reason="cutting the network needs root, unshare and ip",
)
@pytest.mark.slow  # `mkdocs serve` builds the site again
def test_serve_works_with_the_network_cut(mkdocs_site):
    """`make serve` in a network namespace that has nothing but loopback."""
    script = f'ip link set lo up && exec "{sys.executable}" -c "$0" {free_port()}'
    proc = subprocess.run(
        ["unshare", "--net", "sh", "-c", script, OFFLINE_SERVE], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "<title>Web Development Using Python</title>" in proc.stdout


# Bad input: each case breaks a temporary copy of the project and expects the
# build to fail with one message, first, that names the file and line to fix.
# They need the real site to build (else they skip): a mistake already in it
# would add its own message to theirs. They run on MkDocs, which makes the
# page checks (Zensical calls no on_pre_page_macros: macros/engine.py).
needs_the_real_site_to_build = pytest.mark.usefixtures("mkdocs_site")


def _break(tmp_path: Path, edit) -> str:
    project = copy_project(tmp_path / "project")
    edit(project)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, f"the broken build passed:\n{result.output}"
    return result.output


def _append(project: Path, page: str, text: str) -> int:
    """Add ``text`` at the end of a page; the line it lands on."""
    path = project / "docs" / page
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 2


def _replace(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the first ``old`` in a file; the line the change starts on."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _only(out: str) -> str:
    """The build's one problem (a mistake must fail once, with its own message)."""
    found = problems(out)
    assert len(found) == 1, "\n\n".join(found) or out[-3000:]
    return found[0]


@needs_the_real_site_to_build
def test_missing_snippet_include_fails_naming_the_page(tmp_path):
    # A raw include, bypassing the macro: pymdownx.snippets (check_paths) must catch it.
    out = _break(tmp_path, lambda p: _append(p, "cookbook/hello.md", '--8<-- "examples/hello/no_such_file.py"'))
    assert "cookbook/hello.md" in out and "no_such_file.py" in out


# A mistake in data/ stops the build before any page renders: one message, naming
# the file and the line. The wording of each is pinned by the function that writes
# it (tests/macros/test_data.py); the glob check lives in define_env alone.
@needs_the_real_site_to_build
@pytest.mark.parametrize(
    ("rel", "old", "new", "says"),
    [
        ("data/features.yml", "support: addon", "support: maybe", "features."),
        (
            "data/frameworks.yml",
            '["flask_*"',
            '["flask-*"',
            "frameworks.flask.examples.0: 'flask-*' matches no file in any examples/<topic>/ folder",
        ),
    ],
    ids=["schema", "examples-glob"],
)
def test_a_data_mistake_fails_the_build_naming_file_and_line(tmp_path, rel, old, new, says):
    line = {}
    out = _break(tmp_path, lambda p: line.update(n=_replace(p, rel, old, new)))
    assert _only(out).startswith(f"{rel}, line {line['n']}: {says}"), out


def _line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if needle in text)


class Mistakes:
    """Mistakes made in a copy of the project, each with where the build must report it."""

    def __init__(self, project: Path):
        self.project = project
        self.expected: list[str] = []

    def replace(self, rel: str, old: str, new: str, line: int | None = None) -> None:
        at = _replace(self.project, rel, old, new)
        self.expected.append(f"{rel}, line {line or at}: ")

    def append(self, rel: str, text: str) -> None:
        at = _append(self.project, rel.removeprefix("docs/"), text) if rel.startswith("docs/") else None
        if at is None:
            path = self.project / rel
            before = path.read_text(encoding="utf-8")
            path.write_text(before + text + "\n", encoding="utf-8")
            at = before.count("\n") + 1
        self.expected.append(f"{rel}, line {at}: ")


@needs_the_real_site_to_build
def test_page_mistakes_each_fail_the_build_once_naming_file_and_line(tmp_path):
    """Mistakes in pages and example files, one per file, in one build: exactly one message
    each, first line naming the file and the line. Without these checks, most would publish without
    a word. The wording of each is pinned once, by the unit test of the function that writes it
    (tests/macros/test_pages.py, test_check.py, test_examples.py, test_tables.py)."""
    project = copy_project(tmp_path / "project")
    m = Mistakes(project)
    m.replace("docs/cookbook/hello.md", "description:", "descripton:")
    routing = (project / "docs/cookbook/routing.md").read_text(encoding="utf-8")
    m.replace("docs/cookbook/routing.md", re.search(r"^description:.*\n", routing, re.M).group(0), "")
    m.replace("docs/cookbook/templates.md", "description: ", "description: Templates: ")
    forms = (project / "docs/cookbook/forms.md").read_text(encoding="utf-8")
    m.replace("docs/cookbook/forms.md", forms.split("\n")[2] + "\n\n# ", "\n# ", line=1)
    m.append("docs/cookbook/database.md", "![](../assets/diagrams/request-path.svg)")
    m.append("docs/cookbook/auth.md", "See [Flask](http://flask.pocoo.org/).")
    m.replace("docs/cookbook/api.md", "# A JSON API endpoint\n", "A JSON API endpoint\n")
    index = (project / "docs/choosing/index.md").read_text(encoding="utf-8")
    left = index.replace("[Tooling](tooling.md)", "Tooling")
    last = max(n for n, text in enumerate(left.splitlines(), 1) if "](" in text)
    m.replace("docs/choosing/index.md", "[Tooling](tooling.md)", "Tooling", line=last)
    m.append("examples/static/flask_app.py", "# --8<-- [start:view]\nx = 1\n# --8<-- [end:view]")
    m.replace("examples/async_views/flask_app.py", "# --8<-- [start:view]", "# --8<--[start:view]")
    m.append("docs/glossary.md", "Version {{ no_such_variable }}.")
    m.append("docs/cookbook/configuration.md", '{{ feature_matrix(frameworks=["flask", "rails"]) }}')
    m.append("docs/cookbook/testing.md", '{{ topic_table("no_such_topic") }}')
    m.replace("docs/cookbook/cli.md", '{{ example("cli", "command") }}', '{{ example("cli") }}')
    # On a page no other page links into by anchor: a page that cannot render loses its anchors too.
    m.replace("docs/cookbook/logs.md", '{{ example("logs", "config") }}', '{{ example("logs", "config" }}')
    m.replace("docs/cookbook/security.md", "{{ example(", "{{ exampel(")
    m.append("docs/cookbook/deployment.md", "FILL IN: what a reader should do next.")
    # Found across files (macros/check.py), reported by the build through define_env.
    m.append("docs/cookbook/cors.md", "See [scope](../choosing/scop.md).")
    m.append("docs/cookbook/i18n.md", "See [there](tasks.md#no-such-anchor).")
    # An example file gone: the page's example() call that showed it is named.
    (project / "examples/uploads/flask_forms.py").unlink()
    at = _line_of(project, "docs/cookbook/uploads.md", 'example("uploads", "validate")')
    m.expected.append(f"docs/cookbook/uploads.md, line {at}: ")
    # A re-measure that blurs a difference the words rely on: the speed page's paragraph
    # (its line pinned by tests/macros/test_check.py) and the questionnaire's answer.
    measured = project / "data/measured.yml"
    raw = yaml.safe_load(measured.read_text(encoding="utf-8"))
    memory = raw["benchmark"]["memory_mib"]["smallest"]
    memory["django"].update({k: memory["flask"]["median"] * 1.05 for k in ("median", "min", "max")})
    measured.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    at = _line_of(project, "data/decision.yml", "benchmark.memory_mib.smallest: flask")
    m.expected += ["docs/choosing/speed.md, line ", f"data/decision.yml, line {at}: "]

    result = build_site(project, tmp_path / "site")
    found = problems(result.output)
    firsts = [f.splitlines()[0] for f in found]
    missing = [e for e in m.expected if not any(f.startswith(e) for f in firsts)]
    assert missing == [], "\n".join(["not reported:", *missing, "", "reported:", *firsts])
    # MkDocs's own validation (mkdocs.yml `validation:`) names the two dead links too, with no line.
    mkdocs_too = [f for f in firsts if f.startswith("Doc file 'cookbook/")]
    assert len(mkdocs_too) == 2 and len(found) == len(m.expected) + 2, "\n".join(firsts)
    assert result.returncode != 0 and f"Aborted with {len(found)} warnings in strict mode!" in result.output

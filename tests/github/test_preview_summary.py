"""The preview's summary names the pages a change touches and the file to open for each."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.site.test_page_dates import git
from tools import preview_summary as summary


def fake_site(tmp_path):
    site = tmp_path / "site"
    (site / "cookbook").mkdir(parents=True)
    (site / "cookbook" / "hello.html").write_text(
        "<title>Hello world &amp; layout - Web Development Using Python</title>", encoding="utf-8"
    )
    (site / "index.html").write_text("<title>Web Development Using Python</title>", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "cookbook").mkdir(parents=True)
    (docs / "cookbook" / "hello.md").write_text("# Hello\n", encoding="utf-8")
    return site, docs


def test_pages_examples_and_site_wide_parts_are_told_apart(tmp_path):
    site, docs = fake_site(tmp_path)
    changes = [
        ("M", "docs/index.md"),
        ("M", "examples/hello/flask_app.py"),
        ("D", "docs/cookbook/gone.md"),
        ("M", "examples/project/settings.py"),  # no page of that name: not a page
        ("M", "docs/includes/abbreviations.md"),  # a snippet, not a page: never built
        ("M", "data/cli.yml"),
        ("A", "docs/assets/extra.css"),
        ("M", "README.md"),
    ]
    pages, site_wide = summary.changed_pages(changes, site, docs)
    assert [(p.file, p.title, p.status) for p in pages] == [
        ("cookbook/gone.html", "gone", "removed"),
        ("cookbook/hello.html", "Hello world & layout", "example changed"),
        ("index.html", "Web Development Using Python", "changed"),
    ]
    assert site_wide == ["comparison data", "styles, scripts or images"]


def test_a_page_changed_directly_is_not_listed_twice_when_its_example_changed_too(tmp_path):
    site, docs = fake_site(tmp_path)
    pages, _ = summary.changed_pages(
        [("M", "docs/cookbook/hello.md"), ("M", "examples/hello/flask_app.py")], site, docs
    )
    assert [(p.file, p.status) for p in pages] == [("cookbook/hello.html", "changed")]


def test_the_markdown_says_how_to_open_the_preview_and_lists_each_page(tmp_path):
    site, docs = fake_site(tmp_path)
    pages, site_wide = summary.changed_pages(
        [("M", "docs/cookbook/hello.md"), ("D", "docs/old.md"), ("M", "mkdocs.yml")], site, docs
    )
    text = summary.render(pages, site_wide, "https://github.com/o/r/actions/runs/1/artifacts/2", "pull_request")
    assert "[site-preview](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    assert "Double-click `index.html`" in text
    assert "### Pages this pull request changes" in text
    assert "| Hello world & layout | `cookbook/hello.html` | changed (`docs/cookbook/hello.md`) |" in text
    assert "| old | (gone) | removed (`docs/old.md`) |" in text
    assert "may show on any page: site configuration." in text
    quiet = summary.render([], [], "", "push")
    assert "**site-preview** (under Artifacts, below)" in quiet
    assert "No page's Markdown or example changed in this commit." in quiet


def test_changes_come_from_git_with_renames_as_remove_and_add(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n" * 20, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("# B\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one")
    git(tmp_path, "mv", "docs/a.md", "docs/c.md")
    (tmp_path / "docs" / "b.md").write_text("# B, better\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "two")
    assert sorted(summary.changed_files("HEAD^1", cwd=tmp_path)) == [
        ("A", "docs/c.md"),
        ("D", "docs/a.md"),
        ("M", "docs/b.md"),
    ]
    with pytest.raises(SystemExit, match="git diff"):
        summary.changed_files("no-such-revision", cwd=tmp_path)


def test_a_first_commit_has_nothing_to_compare_with_and_still_gets_a_summary(tmp_path, monkeypatch, capsys):
    # The first push to a new repository: HEAD^1 does not exist, and the
    # summary step must not fail the job for it.
    git(tmp_path, "init", "-q")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "first")
    assert summary.has_commit("HEAD", cwd=tmp_path) and not summary.has_commit("HEAD^1", cwd=tmp_path)
    monkeypatch.setattr(summary, "ROOT", tmp_path)
    assert summary.main(["--site", str(tmp_path), "--base", "HEAD^1"]) == 0
    assert "No earlier commit to compare with: every page is new." in capsys.readouterr().out


def test_titles_and_files_come_from_the_real_offline_edition(offline_edition):
    pages, _ = summary.changed_pages(
        [("M", "docs/cookbook/hello.md"), ("M", "docs/index.md")], offline_edition.site, ROOT / "docs"
    )
    assert [p.file for p in pages] == ["cookbook/hello.html", "index.html"]
    assert all(p.title and " - " not in p.title for p in pages), pages

"""macros/engine.py: what the macros need from either engine's page, and data loaded once."""

from __future__ import annotations

import os
from types import SimpleNamespace

from macros import engine


def mkdocs_page(src_uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


def zensical_page(path: str, url: str) -> SimpleNamespace:
    # Zensical 0.0.73's zensical.extensions.context.Page: url, path, title, meta; no file.
    return SimpleNamespace(path=path, url=url, title=None, meta={})


def test_the_source_path_is_the_same_from_either_page():
    assert engine.source_path(mkdocs_page("cookbook/hello.md", "cookbook/hello/")) == "cookbook/hello.md"
    assert engine.source_path(zensical_page("cookbook/hello.md", "cookbook/hello/")) == "cookbook/hello.md"


def test_raw_html_urls_reach_the_site_root_on_either_engine():
    # MkDocs leaves <script src> as written: from the page's address.
    assert engine.html_base(mkdocs_page("choosing/decision.md", "choosing/decision/")) == "choosing/decision/"
    assert engine.html_base(mkdocs_page("index.md", "")) == ""
    # Zensical rewrites it from the source's folder (seen in 0.0.73's output).
    assert engine.html_base(zensical_page("choosing/decision.md", "choosing/decision/")) == "choosing/"
    assert engine.html_base(zensical_page("choosing/index.md", "choosing/")) == "choosing/"
    assert engine.html_base(zensical_page("index.md", "")) == ""


def test_data_is_loaded_again_only_when_a_file_changed(tmp_path):
    (tmp_path / "a.yml").write_text("one", encoding="utf-8")
    calls = []

    def load(folder, warn=None):
        calls.append(folder)
        return (folder / "a.yml").read_text(encoding="utf-8")

    # Zensical calls define_env once per page: the second call must not read the files again.
    assert engine.once(tmp_path, load) == "one"
    assert engine.once(tmp_path, load) == "one"
    assert len(calls) == 1
    # `make serve` and a warm Zensical build after an edit see the new data.
    (tmp_path / "a.yml").write_text("two!", encoding="utf-8")
    os.utime(tmp_path / "a.yml", ns=(1, 1))
    assert engine.once(tmp_path, load) == "two!"
    assert len(calls) == 2
    (tmp_path / "b.yml").write_text("", encoding="utf-8")
    engine.once(tmp_path, load)
    assert len(calls) == 3


def test_a_failed_load_is_not_remembered(tmp_path):
    attempts = []

    def load(folder, warn=None):
        attempts.append(folder)
        raise ValueError("bad data")

    for _ in range(2):
        try:
            engine.once(tmp_path, load)
        except ValueError:
            pass
    assert len(attempts) == 2


def test_warnings_of_a_load_are_given_on_every_call(tmp_path):
    """`make serve` (not strict) logs a data warning on each rebuild, cached or not."""
    (tmp_path / "a.yml").write_text("x", encoding="utf-8")

    def load(folder, warn=None):
        if warn is None:
            raise ValueError("a placeholder is an error in a strict build")
        warn("data/a.yml, line 1: a placeholder")
        return "x"

    heard: list[str] = []
    for _ in range(2):
        assert engine.once(tmp_path, load, warn=heard.append) == "x"
    assert heard == ["data/a.yml, line 1: a placeholder"] * 2


class _Logger:
    def __init__(self) -> None:
        self.said: list[str] = []

    def warning(self, message: str) -> None:
        self.said.append(message)


def test_a_mistake_fails_a_strict_build_on_either_engine():
    mkdocs_env = SimpleNamespace()
    zensical_env = type("MacroEnv", (), {"__module__": "zensical.extensions.macros"})()
    log = _Logger()
    # MkDocs: a warning of its logger, which --strict counts and fails on at the end.
    engine.warn(mkdocs_env, log, "docs/x.md: bad", strict=True)
    assert log.said == ["docs/x.md: bad"]
    # Zensical does not count Python's warnings: a strict build stops here.
    try:
        engine.warn(zensical_env, log, "docs/x.md: bad", strict=True)
    except engine.BuildError as exc:
        assert str(exc) == "docs/x.md: bad"
    else:
        raise AssertionError("a strict Zensical build went on past a mistake")
    engine.warn(zensical_env, log, "docs/y.md: bad", strict=False)  # serving: shown, not fatal
    assert log.said[-1] == "docs/y.md: bad"


def test_the_build_error_stops_mkdocs_cleanly():
    from mkdocs.exceptions import PluginError

    # In .venv (MkDocs installed) it is MkDocs's own error, printed as one line.
    assert engine.BuildError is PluginError


def test_front_matter_lines_count_what_both_engines_hand_the_macros_without():
    # MkDocs's get_data drops the front matter and the blank lines after it; Zensical 0.0.73 the same
    # (a macro error on a page's line 125 was reported as 121 before this was counted on Zensical).
    assert engine.front_matter_lines("---\ndescription: x\n---\n\n# Title\n") == 4
    assert engine.front_matter_lines("---\na: 1\nb: 2\n...\n# Title\n") == 4
    assert engine.front_matter_lines("# Title\n---\na: 1\n---\n") == 0
    assert engine.front_matter_lines("---\nnever closed\n# Title\n") == 0


def test_the_nav_reads_the_same_from_either_engine():
    written = [
        {"Home": "index.md"},
        {"Cookbook": ["cookbook/index.md", {"Hello": "cookbook/hello.md"}, {"More": [{"Deep": "cookbook/deep.md"}]}]},
    ]
    # MkDocs hands mkdocs.yml's nav as written.
    assert engine.nav({"nav": written}) == written

    def item(title, url, children=()):
        return {
            "title": title,
            "url": url,
            "canonical_url": None,
            "meta": None,
            "children": list(children),
            "is_index": url is not None and url.endswith("index.md"),
            "active": False,
        }

    # Zensical 0.0.73 hands its own tree: an untitled index page, sections without a url.
    zensical = [
        item("Home", "index.md"),
        item(
            "Cookbook",
            None,
            [
                item(None, "cookbook/index.md"),
                item("Hello", "cookbook/hello.md"),
                item("More", None, [item("Deep", "cookbook/deep.md")]),
            ],
        ),
    ]
    assert engine.nav({"nav": zensical}) == written
    assert engine.nav({}) == []

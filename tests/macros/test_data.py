"""Loading and validating the data files: every mistake names file, key path and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros import data, datafile

ROOT_DATA = Path(__file__).resolve().parents[2] / "data"


def test_the_real_data_loads():
    site = data.load(ROOT_DATA)
    assert {"flask", "django"} <= set(site.frameworks)
    assert site.features and site.commands


def test_inline_data_loads(two):
    site = data.load(two)
    assert list(site.frameworks) == ["flask", "django"]
    assert site.features["orm"].per["django"].support == "builtin"
    assert site.topics == ["admin", "database", "hello", "routing"]


def _error(folder) -> str:
    with pytest.raises(data.DataError) as exc:
        data.load(folder)
    return str(exc.value)


def _edit(name, change):
    """A change to one of the inline data files, as a dict."""

    def edit(folder):
        content = yaml.safe_load((folder / name).read_text())
        change(content)
        (folder / name).write_text(yaml.safe_dump(content, sort_keys=False))

    return edit


def _bench(change):
    return _edit("measured.yml", lambda d: change(d["benchmark"]))


# (id, change to the inline data, a line of the message (regex, from its start))
INLINE_MISTAKES = [
    (
        "wrong type",
        _edit("measured.yml", lambda d: d["install"]["django"].update(distributions="many")),
        r"data/measured\.yml, line \d+: install\.django\.distributions: .*valid integer.*'many'",
    ),
    (
        "missing field",
        _edit("frameworks.yml", lambda d: d["frameworks"]["flask"].pop("licence")),
        r"data/frameworks\.yml, line \d+: frameworks\.flask\.licence: is missing; add `licence:` to this entry",
    ),
    (
        "unknown key",
        _edit("features.yml", lambda d: d["features"]["orm"].update(colour="red")),
        r"data/features\.yml, line \d+: features\.orm\.colour: `colour` is not a key this entry has; the keys "
        r"here are name, topic, per",
    ),
    (
        "bad choice",
        _edit("features.yml", lambda d: d["features"]["orm"]["per"]["flask"].update(support="sort of")),
        r"data/features\.yml, line \d+: features\.orm\.per\.flask\.support: .*'builtin', 'addon' or 'none'",
    ),
    (
        "unknown framework in features",
        _edit(
            "features.yml",
            lambda d: d["features"]["orm"]["per"].update(rails=dict(d["features"]["orm"]["per"]["flask"])),
        ),
        r"data/features\.yml, line \d+: features\.orm\.per\.rails: unknown framework 'rails'",
    ),
    (
        "unknown framework in cli",
        _edit("cli.yml", lambda d: d["commands"].update(rails=[])),
        r"data/cli\.yml, line \d+: commands\.rails: unknown framework 'rails'",
    ),
    (
        "core framework without a cell",
        _edit("features.yml", lambda d: d["features"]["orm"]["per"].pop("django")),
        r"data/features\.yml, line \d+: features\.orm\.per: no cell for core framework 'django'",
    ),
    (
        "framework without a measurement",
        _edit("measured.yml", lambda d: d["install"].pop("flask")),
        r"data/measured\.yml: install: no measurement for framework 'flask'",
    ),
    (
        "invalid YAML",
        lambda f: (f / "cli.yml").write_text("commands: [unclosed\n"),
        r"data/cli\.yml, line 2: not valid YAML",
    ),
    ("missing file", lambda f: (f / "features.yml").unlink(), r"data/features\.yml: file not found"),
    # The benchmark: a measurement without its machine, versions or figures is refused.
    (
        "benchmark without its machine",
        _bench(lambda b: b.pop("machine")),
        r"data/measured\.yml, line \d+: benchmark\.machine: is missing; add `machine:` to this entry",
    ),
    (
        "no versions",
        _bench(lambda b: b.pop("versions")),
        r"data/measured\.yml, line \d+: benchmark\.versions: is missing",
    ),
    (
        "empty versions",
        _bench(lambda b: b.update(versions={})),
        r"data/measured\.yml, line \d+: benchmark\.versions: dictionary should have at least 1 item",
    ),
    (
        "no version of a framework measured",
        _bench(lambda b: b["versions"].pop("Django")),
        r"data/measured\.yml, line \d+: benchmark\.versions: no version for Django \(django\)",
    ),
    (
        "machine without its cpu",
        _bench(lambda b: b["machine"].pop("cpu")),
        r"data/measured\.yml, line \d+: benchmark\.machine\.cpu: is missing; add `cpu:` to this entry",
    ),
    (
        "machine without cores",
        _bench(lambda b: b["machine"].update(cores=0)),
        r"data/measured\.yml, line \d+: benchmark\.machine\.cores: input should be greater than or equal to 1",
    ),
    (
        "median outside its range",
        _bench(lambda b: b["requests"]["json"]["rps"]["flask"].update(median=5000)),
        r"data/measured\.yml, line \d+: benchmark\.requests\.json\.rps\.flask: expected min <= median <= max",
    ),
    (
        "figure missing for a core framework",
        _bench(lambda b: b["memory_mib"]["full"].pop("django")),
        r"data/measured\.yml, line \d+: benchmark\.memory_mib\.full: no figure for core framework 'django'",
    ),
    (
        "figures missing for an endpoint",
        _bench(lambda b: b["requests"].pop("orm")),
        r"data/measured\.yml, line \d+: benchmark\.requests: no figures for the 'orm' endpoint",
    ),
    (
        "figure for an unknown framework",
        _bench(lambda b: b["startup_ms"]["smallest"].update(bottle=b["startup_ms"]["smallest"]["flask"])),
        r"data/measured\.yml, line \d+: benchmark\.startup_ms\.smallest\.bottle: unknown framework 'bottle'",
    ),
    (
        "project not measured",
        _edit("measured.yml", lambda d: d["project"].pop("django")),
        r"data/measured\.yml, line \d+: project: no measurement for framework 'django'",
    ),
]


@pytest.mark.parametrize(("change", "says"), [m[1:] for m in INLINE_MISTAKES], ids=[m[0] for m in INLINE_MISTAKES])
def test_a_mistake_in_the_data_names_file_line_and_key(two, change, says):
    change(two)
    message = _error(two)
    assert re.search("^" + says, message, re.M), message


def test_line_numbers_point_at_the_key(two):
    text = (two / "features.yml").read_text()
    line = datafile.line_of(text, ("features", "orm", "per", "flask", "support"))
    assert "support:" in text.splitlines()[line - 1]


def test_three_frameworks_need_no_code_change(three):
    site = data.load(three)
    assert list(site.frameworks) == ["flask", "django", "fastapi"]
    assert set(site.features["admin"].per) == {"flask", "django", "fastapi"}


# Mistakes a contributor makes in the real data files, one edit each, read by
# the loader (the same code the build runs). Each message's first line names the
# file, the line and the key path; the line it names holds the mistake.

REAL = ROOT_DATA


def _mistake(tmp_path, file: str, old: str | bytes, new: str | bytes):
    folder = tmp_path / "data"
    shutil.copytree(REAL, folder)
    path = folder / file
    if isinstance(old, bytes):
        raw = path.read_bytes()
        assert old in raw
        path.write_bytes(raw.replace(old, new, 1))
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the data no longer holds {old!r}: update this test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


ROUTING_HOW = '        how: "`@app.route` decorators, Werkzeug converters"\n'

DATA_MISTAKES = [
    # (id, file, old, new, first line of the message (regex), text on the line it names)
    (
        "duplicate key in a cell",
        "features.yml",
        ROUTING_HOW,
        ROUTING_HOW + "        how: Blueprints\n",
        r"data/features\.yml, line (\d+): features\.routing\.per\.flask\.how: 'how' is written twice \(first on "
        r"line \d+\); YAML keeps only this last value without a word\. Delete one\.$",
        "how: Blueprints",
    ),
    (
        "duplicate feature id",
        "features.yml",
        "  url_reversing:\n",
        "  routing:\n    name: Copied\n    topic: routing\n    per: {}\n\n  url_reversing:\n",
        r"data/features\.yml, line (\d+): features\.routing: a second entry with the id 'routing' \(the first is on "
        r"line \d+\); YAML keeps only this one, so the first would vanish from every table",
        "  routing:",
    ),
    (
        "support none with a module",
        "features.yml",
        '        how: "set `X-Frame-Options` yourself in an `after_request` hook"\n',
        '        how: "set `X-Frame-Options` yourself in an `after_request` hook"\n        module: flask.Flask\n',
        r"data/features\.yml, line (\d+): features\.clickjacking\.per\.flask\.module: `support: none` cannot have "
        r"`module:` \('flask\.Flask'\); remove it",
        "module: flask.Flask",
    ),
    (
        "blank how",
        "features.yml",
        ROUTING_HOW,
        '        how: " "\n',
        r"data/features\.yml, line (\d+): features\.routing\.per\.flask\.how: is blank; write the text it stands "
        r"for \(got ' '\)$",
        'how: " "',
    ),
    (
        "addon without package",
        "features.yml",
        "        how: Flask-WTF (WTForms)\n        package: Flask-WTF\n",
        "        how: Flask-WTF (WTForms)\n",
        r"data/features\.yml, line (\d+): features\.forms\.per\.flask: `support: addon` needs `package:`, the "
        r"add-on's name on PyPI$",
        "flask:",
    ),
    (
        "builtin without module",
        "features.yml",
        "        module: flask.Flask.route\n",
        "",
        r"data/features\.yml, line (\d+): features\.routing\.per\.flask: `support: builtin` needs `module:`",
        "flask:",
    ),
    (
        "misspelt key",
        "features.yml",
        ROUTING_HOW,
        ROUTING_HOW.replace("how:", "hw:"),
        r"data/features\.yml, line (\d+): features\.routing\.per\.flask\.hw: `hw` is not a key this entry has; "
        r"did you mean `how`\?",
        "hw:",
    ),
    (
        "release line read as a number",
        "frameworks.yml",
        'release_line: "6.1"',
        "release_line: 6.10",
        r"data/frameworks\.yml, line (\d+): frameworks\.django\.current\.release_line: YAML read 6\.10 as a number "
        r"\(6\.1\), but this is text; put it in quotes: release_line: \"6\.10\"$",
        "release_line: 6.10",
    ),
    (
        "plain http source",
        "features.yml",
        "source: https://docs.djangoproject.com/en/6.1/topics/http/urls/",
        "source: http://docs.djangoproject.com/en/6.1/topics/http/urls/",
        r"data/features\.yml, line (\d+): features\.routing\.per\.django\.source: is a plain http:// address; "
        r"use the https:// one",
        "source: http://",
    ),
    (
        "not UTF-8",
        "features.yml",
        b"Werkzeug converters",
        b"Werkzeug convert\xe9rs",
        r"data/features\.yml, line (\d+): byte 0xe9 at column \d+ is not UTF-8 .*; save it as UTF-8",
        "Werkzeug",
    ),
    (
        "broken indentation",
        "cli.yml",
        "    - name: shell\n",
        "    - name: shell\n   usage: oops\n",
        r"data/cli\.yml, line (\d+): not valid YAML: ",
        None,
    ),
    (
        "placeholder left",
        "features.yml",
        ROUTING_HOW,
        '        how: "FILL IN: what a reader uses"\n',
        r"data/features\.yml, line (\d+): features\.routing\.per\.flask\.how: still holds the placeholder "
        r"'FILL IN: what a reader uses' from `make new-topic`; write the real value$",
        "FILL IN",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "first", "on_line"), [m[1:] for m in DATA_MISTAKES], ids=[m[0] for m in DATA_MISTAKES]
)
def test_a_data_mistake_fails_naming_file_line_and_key(tmp_path, file, old, new, first, on_line):
    folder = _mistake(tmp_path, file, old, new)
    message = _error(folder).splitlines()[0]
    match = re.match(first, message)
    assert match, f"first line of the message: {message}"
    if on_line:
        raw = (folder / file).read_bytes().decode("utf-8", errors="replace").splitlines()
        assert on_line in raw[int(match.group(1)) - 1], f"line {match.group(1)} is {raw[int(match.group(1)) - 1]!r}"


def test_placeholders_are_warnings_while_serving(tmp_path):
    folder = _mistake(tmp_path, "features.yml", ROUTING_HOW, '        how: "FILL IN: what a reader uses"\n')
    warnings = []
    site = data.load(folder, warn=warnings.append)
    assert site.features["routing"].per["flask"].how == "FILL IN: what a reader uses"
    assert len(warnings) == 1 and "still holds the placeholder" in warnings[0]

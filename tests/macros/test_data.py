"""Loading and validating the data files: every mistake names file, key path and line."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros import data, datafile
from tests.macros.conftest import cell, spread

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


DROP = object()  # the key removed


def _change(folder, file: str, path: str, value) -> None:
    """Set (or drop) one key of an inline data file, named by its dotted path."""
    content = yaml.safe_load((folder / file).read_text())
    *parents, last = path.split(".")
    node = functools.reduce(lambda n, k: n[k], parents, content)
    if value is DROP:
        del node[last]
    else:
        node[last] = value
    (folder / file).write_text(yaml.safe_dump(content, sort_keys=False))


BENCH = "benchmark."
INLINE_MISTAKES = [
    # (file, key path, the value written there, what the message says after "data/<file>, line N: ")
    ("measured.yml", "install.django.distributions", "many", r"install\.django\.distributions: .*integer.*'many'"),
    ("frameworks.yml", "frameworks.flask.licence", DROP, r"frameworks\.flask\.licence: is missing; add `licence:`"),
    ("features.yml", "features.orm.colour", "red", r"features\.orm\.colour: `colour` is not a key .*name, topic, per"),
    ("features.yml", "features.orm.per.flask.support", "sort of", r"features\.orm\.per\.flask\.support: .*'none'"),
    ("features.yml", "features.orm.per.rails", cell("none", "x"), r"features\.orm\.per\.rails: unknown .*'rails'"),
    ("cli.yml", "commands.rails", [], r"commands\.rails: unknown framework 'rails'"),
    ("features.yml", "features.orm.per.django", DROP, r"features\.orm\.per: no cell for core framework 'django'"),
    ("measured.yml", "project.django", DROP, r"project: no measurement for framework 'django'"),
    # The benchmark: a measurement without its machine, versions or figures is refused.
    ("measured.yml", BENCH + "machine", DROP, r"benchmark\.machine: is missing; add `machine:` to this entry"),
    ("measured.yml", BENCH + "machine.cpu", DROP, r"benchmark\.machine\.cpu: is missing; add `cpu:`"),
    ("measured.yml", BENCH + "machine.cores", 0, r"benchmark\.machine\.cores: .*greater than or equal to 1"),
    ("measured.yml", BENCH + "versions", DROP, r"benchmark\.versions: is missing; add `versions:`"),
    ("measured.yml", BENCH + "versions", {}, r"benchmark\.versions: dictionary should have at least 1 item"),
    ("measured.yml", BENCH + "versions.Django", DROP, r"benchmark\.versions: no version for Django \(django\)"),
    ("measured.yml", BENCH + "requests.json.rps.flask.median", 5000, r"benchmark\.requests\.json\.rps\.flask: .*max"),
    ("measured.yml", BENCH + "memory_mib.full.django", DROP, r"benchmark\.memory_mib\.full: no figure for .*'django'"),
    ("measured.yml", BENCH + "requests.orm", DROP, r"benchmark\.requests: no figures for the 'orm' endpoint"),
    ("measured.yml", BENCH + "startup_ms.smallest.bottle", spread(1), r"benchmark\.\w+\.smallest\.bottle: unknown"),
]


@pytest.mark.parametrize(
    ("file", "path", "value", "says"), INLINE_MISTAKES, ids=[f"{m[0]}:{m[1]}" for m in INLINE_MISTAKES]
)
def test_a_mistake_in_the_data_names_file_line_and_key(two, file, path, value, says):
    _change(two, file, path, value)
    message = _error(two)
    assert re.search(rf"^data/{re.escape(file)}, line \d+: {says}", message, re.M), message


def test_a_missing_file_or_measurement_and_invalid_yaml_name_the_file(two):
    _change(two, "measured.yml", "install.flask", DROP)
    assert _error(two).startswith("data/measured.yml: install: no measurement for framework 'flask'")
    (two / "cli.yml").write_text("commands: [unclosed\n")
    assert _error(two).startswith("data/cli.yml, line 2: not valid YAML")
    (two / "features.yml").unlink()
    assert "data/features.yml: file not found" in _error(two)


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

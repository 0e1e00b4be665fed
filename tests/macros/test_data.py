"""Loading and validating the data files: every mistake names file, key path and line."""

from __future__ import annotations

import pytest
import yaml

from macros import data

ROOT_DATA = __import__("pathlib").Path(__file__).resolve().parents[2] / "data"


def test_the_real_data_loads():
    site = data.load(ROOT_DATA)
    assert {"flask", "django"} <= set(site.frameworks)
    assert site.features and site.commands


def test_inline_data_loads(two):
    site = data.load(two)
    assert list(site.frameworks) == ["flask", "django"]
    assert site.features["orm"].per["django"].support == "builtin"
    assert site.topics == ["admin", "database", "hello", "routing"]


def _edit(folder, name, change):
    content = yaml.safe_load((folder / name).read_text())
    change(content)
    (folder / name).write_text(yaml.safe_dump(content, sort_keys=False))


def _error(folder) -> str:
    with pytest.raises(data.DataError) as exc:
        data.load(folder)
    return str(exc.value)


def test_wrong_type_names_file_key_line_and_expectation(two):
    _edit(two, "measured.yml", lambda d: d["install"]["django"].update(distributions="many"))
    message = _error(two)
    assert message.startswith("data/measured.yml, line ")
    assert "install.django.distributions" in message
    assert "valid integer" in message and "'many'" in message


def test_missing_required_field(two):
    _edit(two, "frameworks.yml", lambda d: d["frameworks"]["flask"].pop("licence"))
    message = _error(two)
    assert "data/frameworks.yml" in message and "frameworks.flask.licence" in message and "Field required" in message


def test_unknown_key_is_rejected(two):
    _edit(two, "features.yml", lambda d: d["features"]["orm"].update(colour="red"))
    message = _error(two)
    assert "data/features.yml" in message and "features.orm.colour" in message and "Extra inputs" in message


def test_bad_choice_lists_the_allowed_values(two):
    _edit(two, "features.yml", lambda d: d["features"]["orm"]["per"]["flask"].update(support="sort of"))
    message = _error(two)
    assert "features.orm.per.flask.support" in message and "'builtin', 'addon' or 'none'" in message


def test_unknown_framework_in_features(two):
    _edit(two, "features.yml", lambda d: d["features"]["orm"]["per"].update(rails={"support": "builtin", "how": "ActiveRecord", "source": "https://example.org"}))
    message = _error(two)
    assert "features.orm.per.rails" in message and "unknown framework 'rails'" in message


def test_unknown_framework_in_cli(two):
    _edit(two, "cli.yml", lambda d: d["commands"].update(rails=[]))
    assert "commands.rails" in _error(two)


def test_core_framework_without_a_cell(two):
    _edit(two, "features.yml", lambda d: d["features"]["orm"]["per"].pop("django"))
    assert "no cell for core framework 'django'" in _error(two)


def test_framework_without_measurement(two):
    _edit(two, "measured.yml", lambda d: d["install"].pop("flask"))
    assert "no measurement for framework 'flask'" in _error(two)


def test_line_numbers_point_at_the_key(two):
    text = (two / "features.yml").read_text()
    line = data.line_of(text, ("features", "orm", "per", "flask", "support"))
    assert "support:" in text.splitlines()[line - 1]


def test_invalid_yaml_names_the_file(two):
    (two / "cli.yml").write_text("commands: [unclosed\n")
    assert _error(two).startswith("data/cli.yml: not valid YAML")


def test_missing_file_names_it(two):
    (two / "features.yml").unlink()
    assert "data/features.yml: file not found" in _error(two)


def test_three_frameworks_need_no_code_change(three):
    site = data.load(three)
    assert list(site.frameworks) == ["flask", "django", "fastapi"]
    assert set(site.features["admin"].per) == {"flask", "django", "fastapi"}

"""How one data file is read, and its mistakes worded for the person editing it.

UTF-8 (a byte that is not names its line and column), YAML with every key's
line (macros/yamlpath.py), a key written twice, a `make new-topic` placeholder
left in, and pydantic's validation errors translated into "data/<file>, line N:
dotted.key: what to write". The schema itself and the checks across files are
macros/data.py's.
"""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import yamlpath
from .text import PLACEHOLDER

# libyaml's loader when PyYAML was built with it: the data is parsed on every build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A data file is malformed; the message names the file, key and line."""


def _node_at(text: str, path: tuple[Any, ...]) -> tuple[int | None, Any]:
    """The 1-based line of the key at ``path`` (or of its nearest parent) and the value's node."""
    return yamlpath.walk(yaml.compose(text, Loader=LOADER), path)


def line_of(text: str, path: tuple[Any, ...]) -> int | None:
    """Return the 1-based line of the key at ``path`` in YAML ``text``, or of its nearest parent."""
    return _node_at(text, path)[0]


def where(name: str, text: str, path: tuple[Any, ...]) -> str:
    dotted = ".".join(str(p) for p in path) or "(top level)"
    line = line_of(text, path) if path else None
    return f"data/{name}" + (f", line {line}" if line else "") + f": {dotted}"


def locate(data_dir: Path | str, name: str, path: tuple[Any, ...]) -> str:
    """``data/<name>, line N: dotted.key.path`` for a key of a data file, for messages elsewhere."""
    return where(name, (Path(data_dir) / name).read_text(encoding="utf-8"), path)


def read(path: Path, name: str) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = " ".join(f"0x{b:02x}" for b in raw[exc.start : exc.end])
        raise DataError(
            f"data/{name}, line {line}: byte {bad} at column {column} is not UTF-8 (the file was saved in "
            "another encoding, such as Latin-1 or Windows-1252); save it as UTF-8 and retype that character"
        ) from None


def _walk(node: Any, path: tuple[Any, ...] = ()):
    """Every mapping of a composed YAML tree, with its key path."""
    if isinstance(node, yaml.MappingNode):
        yield path, node
        for key, value in node.value:
            yield from _walk(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _walk(item, (*path, i))


def duplicates(name: str, root: Any) -> list[str]:
    """A key written twice in one mapping: YAML keeps the last value and drops the first without a word."""
    problems = []
    for path, mapping in _walk(root):
        first: dict[str, int] = {}
        for key, _ in mapping.value:
            line = key.start_mark.line + 1
            if key.value in first:
                dotted = ".".join(str(p) for p in (*path, key.value))
                if len(path) == 1:  # an entry's id: features.<id>, frameworks.<id>, commands.<id>
                    problems.append(
                        f"data/{name}, line {line}: {dotted}: a second entry with the id {key.value!r} (the first "
                        f"is on line {first[key.value]}); YAML keeps only this one, so the first would vanish "
                        "from every table without a word. Give the copy its own id."
                    )
                else:
                    problems.append(
                        f"data/{name}, line {line}: {dotted}: {key.value!r} is written twice (first on line "
                        f"{first[key.value]}); YAML keeps only this last value without a word. Delete one."
                    )
            else:
                first[key.value] = line
    return problems


def placeholders(name: str, root: Any) -> list[str]:
    """Every value still holding a `make new-topic` placeholder."""
    found = []

    def scan(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                scan(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                scan(item, (*path, i))
        elif isinstance(node, yaml.ScalarNode) and PLACEHOLDER.search(node.value):
            dotted = ".".join(str(p) for p in path)
            found.append(
                f"data/{name}, line {node.start_mark.line + 1}: {dotted}: still holds the placeholder "
                f"{node.value!r} from `make new-topic`; write the real value"
            )

    scan(root, ())
    return found


def _keys_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys the schema allows in the mapping at ``path`` (an entry's parent path), if it is a model."""
    annotation: Any = model
    for part in path:
        origin = typing.get_origin(annotation)
        if origin in (dict, list):
            annotation = typing.get_args(annotation)[-1]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
            annotation = annotation.model_fields[part].annotation
        else:
            return []
        while typing.get_origin(annotation) in (typing.Union, types.UnionType):  # X | None
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return list(annotation.model_fields) if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def explain(model: type[BaseModel], name: str, text: str, err: ErrorDetails) -> str:
    """One pydantic error, in the words of someone editing the YAML file."""
    path = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
    at = where(name, text, path)
    value = err.get("input")
    kind = err["type"]
    if kind == "missing":
        return f"{at}: is missing; add `{path[-1]}:` to this entry"
    if kind == "extra_forbidden":
        keys = _keys_at(model, path[:-1])
        close = difflib.get_close_matches(str(path[-1]), keys, n=1, cutoff=0.75)
        hint = f"did you mean `{close[0]}`?" if close else f"the keys here are {', '.join(keys)}"
        return f"{at}: `{path[-1]}` is not a key this entry has; {hint} (or check the indentation)"
    if kind == "string_type" and isinstance(value, (bool, int, float, datetime.date)):
        _, node = _node_at(text, path)
        written = text[node.start_mark.index : node.end_mark.index] if isinstance(node, yaml.ScalarNode) else value
        return (
            f"{at}: YAML read {written} as {'true/false' if isinstance(value, bool) else 'a number'} "
            f'({value!r}), but this is text; put it in quotes: {path[-1]}: "{written}"'
        )
    msg = err["msg"].removeprefix("Value error, ")
    msg = msg[0].lower() + msg[1:] if msg else msg
    return f"{at}: {msg} (got {value!r})"


_Model = typing.TypeVar("_Model", bound=BaseModel)


def parse(model: type[_Model], name: str, text: str) -> _Model:
    try:
        root = yaml.compose(text, Loader=LOADER)
        raw = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"data/{name}, line {mark.line + 1}" if mark else f"data/{name}"
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        raise DataError(
            f"{where}: not valid YAML: {problem}"
            + (f" ({context})" if context else "")
            + "; check the indentation and quoting on this line and the one above"
        ) from None
    problems = duplicates(name, root)
    if problems:
        raise DataError("\n".join(problems))
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        # A misspelt key shows as two errors: the unknown key (with a suggestion) is the one to read first.
        errors = sorted(exc.errors(), key=lambda err: err["type"] != "extra_forbidden")
        raise DataError("\n".join(explain(model, name, text, err) for err in errors)) from None

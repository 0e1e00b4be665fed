"""Load and validate the comparison data in ``data/``.

Every file is checked against a pydantic schema on load. Any mistake (a wrong
type, a missing or unknown key, a framework that ``frameworks.yml`` does not
define) raises :class:`DataError` naming the file, the path of the key, its
line, and what was expected, so a bad edit fails the build instead of
rendering a silently wrong table.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, ValidationError

from . import text

# libyaml's loader when PyYAML was built with it: the data is parsed on every build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FILES = ("frameworks.yml", "measured.yml", "features.yml", "cli.yml", "decision.yml")


class DataError(Exception):
    """A data file is malformed; the message names the file, key and line."""


# Text a reader sees in a table or list: words, with `code` in backticks (pairs only).
DataText = Annotated[str, AfterValidator(text.check)]


class Strict(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)


# frameworks.yml ------------------------------------------------------------


class Install(Strict):
    """What ``pip install <framework>`` brings, measured by ``make measure``."""

    version: str
    distributions: int = Field(ge=1, description="installed distributions, the framework included")
    size_kib: int = Field(ge=1, description="size of site-packages after the install")
    dependencies: list[str] = Field(description="distribution names the framework requires")
    python: str = Field(description="interpreter the measurement ran on")
    measured: datetime.date


class ReleaseLine(Strict):
    release_line: str
    version: str
    python: str = Field(description="supported Python versions, as a specifier")
    support_until: str | None = None
    source: HttpUrl


class Sources(Strict):
    """Where each fact of a framework entry can be checked."""

    first_release: HttpUrl
    licence: HttpUrl
    python: HttpUrl


class Framework(Strict):
    name: str
    package: str = Field(description="distribution name on PyPI")
    core: bool = Field(description="every example must show this framework")
    tagline: str
    examples: list[str] = Field(min_length=1, description="paths in examples/<topic>/ that hold this framework's code")
    lexers: dict[str, str] = Field(default_factory=dict, description="file suffix -> Pygments lexer")
    command: str = Field(description="the framework's command-line tool, as a reader types it")
    first_release: int = Field(ge=1990, le=2100)
    licence: str
    current: ReleaseLine
    lts: ReleaseLine | None = None
    tested: list[str] = Field(min_length=1, description="versions the examples pass on")
    sources: Sources


# features.yml --------------------------------------------------------------

Support = Literal["builtin", "addon", "none"]


class Cell(Strict):
    support: Support
    how: DataText = Field(min_length=1, description="what a reader uses, in a few words; `code` in backticks")
    module: str | None = Field(default=None, description="import path proving a built-in exists")
    package: str | None = Field(default=None, description="PyPI name of the add-on")
    source: HttpUrl


class Feature(Strict):
    name: DataText
    topic: str = Field(description="cookbook page that shows it")
    per: dict[str, Cell] = Field(description="one cell per framework")


class Features(Strict):
    features: dict[str, Feature]


# cli.yml -------------------------------------------------------------------


class Command(Strict):
    name: str = Field(description="sub-command name as the real CLI lists it")
    usage: str = Field(description="the command as typed; shown as code whole")
    does: DataText
    topic: str
    source: HttpUrl


class Cli(Strict):
    commands: dict[str, list[Command]]


# decision.yml --------------------------------------------------------------
# The "How to choose" questionnaire; macros/decision.py scores and renders it.

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class Answer(Strict):
    id: Id
    label: DataText
    reason: DataText
    favours: str | None = Field(default=None, description="the framework this answer adds points to")
    points: int = Field(default=0, ge=0, le=5)
    fact: Id | None = Field(default=None, description="what the answer stands for; one fact counts once")
    page: Id | None = Field(default=None, description="a key of `pages`: the page that explains the reason")


class Question(Strict):
    id: Id
    ask: DataText
    answers: list[Answer] = Field(min_length=2)


class KnownAnswer(Strict):
    id: Id
    label: DataText
    knows: str | None = Field(default=None, description="the framework the team knows; none for 'neither'")


class ExperienceSays(Strict):
    decides: DataText
    agrees: DataText
    differs: DataText
    neither_firm: DataText
    neither_open: DataText


class Experience(Strict):
    id: Id
    ask: DataText
    answers: list[KnownAnswer] = Field(min_length=2)
    says: ExperienceSays


class DecisionRules(Strict):
    lead: int = Field(ge=1, description="points the leader needs over the next for a firm recommendation")
    facts: int = Field(ge=2, description="separate facts behind the leader; 2 or more, so no single answer decides")


class DecisionPage(Strict):
    title: DataText
    file: str = Field(pattern=r"^[-\w/]+\.md$", description="path inside docs/")


class Say(Strict):
    nothing: DataText
    firm: DataText
    experience: DataText
    leans: DataText
    either: DataText
    totals: DataText
    firm_basis: DataText
    open_basis: DataText
    counted: DataText
    repeat: DataText
    neutral: DataText
    experience_line: DataText
    see: DataText


class Decision(Strict):
    rules: DecisionRules
    pages: dict[Id, DecisionPage]
    facts: dict[Id, DataText]
    questions: list[Question] = Field(min_length=1)
    experience: Experience
    say: Say


# The whole data set --------------------------------------------------------


class Measured(Strict):
    """measured.yml is written by ``make measure``; edit it by re-measuring."""

    install: dict[str, Install]


class Data(Strict):
    frameworks: dict[str, Framework]
    install: dict[str, Install]
    features: dict[str, Feature]
    commands: dict[str, list[Command]]
    decision: Decision

    @property
    def topics(self) -> list[str]:
        seen = [f.topic for f in self.features.values()]
        seen += [c.topic for cmds in self.commands.values() for c in cmds]
        return sorted(set(seen))


def line_of(text: str, path: tuple[Any, ...]) -> int | None:
    """Return the 1-based line of the key at ``path`` in YAML ``text``, or of its nearest parent."""
    node = yaml.compose(text)
    line = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _where(name: str, text: str, path: tuple[Any, ...]) -> str:
    dotted = ".".join(str(p) for p in path) or "(top level)"
    line = line_of(text, path) if path else None
    return f"data/{name}" + (f", line {line}" if line else "") + f": {dotted}"


def _parse(model: type[BaseModel], name: str, text: str) -> BaseModel:
    try:
        raw = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        raise DataError(f"data/{name}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # pydantic puts the wrapper key ("features", "commands") first.
            path = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
            got = "" if err["type"] == "missing" else f" (got {err['input']!r})"
            problems.append(f"{_where(name, text, path)}: {err['msg']}{got}")
        raise DataError("\n".join(problems)) from None


def _cross_check(data: Data, texts: dict[str, str]) -> None:
    """Every framework a feature or command names must be defined, and every core framework covered."""
    known = set(data.frameworks)
    core = {k for k, f in data.frameworks.items() if f.core}
    problems = []
    for fid, feature in data.features.items():
        for fw in feature.per:
            if fw not in known:
                path = ("features", fid, "per", fw)
                problems.append(
                    f"{_where('features.yml', texts['features.yml'], path)}: unknown framework "
                    f"{fw!r}; frameworks.yml defines {sorted(known)}"
                )
        for fw in sorted(core - set(feature.per)):
            path = ("features", fid, "per")
            problems.append(f"{_where('features.yml', texts['features.yml'], path)}: no cell for core framework {fw!r}")
    for fw in sorted(known - set(data.install)):
        problems.append(f"data/measured.yml: install: no measurement for framework {fw!r}; run `make measure`")
    for fw in data.install:
        if fw not in known:
            problems.append(
                f"{_where('measured.yml', texts['measured.yml'], ('install', fw))}: unknown framework "
                f"{fw!r}; frameworks.yml defines {sorted(known)}"
            )
    for fw in data.commands:
        if fw not in known:
            problems.append(
                f"{_where('cli.yml', texts['cli.yml'], ('commands', fw))}: unknown framework "
                f"{fw!r}; frameworks.yml defines {sorted(known)}"
            )
    from .decision import problems as decision_problems

    for path, message in decision_problems(data.decision, list(known)):
        problems.append(f"{_where('decision.yml', texts['decision.yml'], path)}: {message}")
    if problems:
        raise DataError("\n".join(problems))


def load(data_dir: Path | str) -> Data:
    """Read, validate and cross-check every file in ``data_dir``."""
    data_dir = Path(data_dir)
    texts = {}
    for name in FILES:
        path = data_dir / name
        if not path.is_file():
            raise DataError(f"data/{name}: file not found in {data_dir}")
        texts[name] = path.read_text(encoding="utf-8")
    frameworks = _parse(_FrameworksFile, "frameworks.yml", texts["frameworks.yml"])
    measured = _parse(Measured, "measured.yml", texts["measured.yml"])
    features = _parse(Features, "features.yml", texts["features.yml"])
    cli = _parse(Cli, "cli.yml", texts["cli.yml"])
    decision = _parse(Decision, "decision.yml", texts["decision.yml"])
    data = Data(frameworks=frameworks.root, install=measured.install, features=features.features,
                commands=cli.commands, decision=decision)
    _cross_check(data, texts)
    return data


class _FrameworksFile(Strict):
    """frameworks.yml is a mapping of framework id to its facts, under ``frameworks:``."""

    frameworks: dict[str, Framework]

    @property
    def root(self) -> dict[str, Framework]:
        return self.frameworks

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
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

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
    # The rest is checked by macros/decision.py problems(), with the figures of measured.yml.
    unless: list[Id] = Field(default=[], description="facts that, when another answer stands for one, hold the points")
    otherwise: DataText | None = Field(default=None, description="the reason shown when `unless` holds the points")
    measured: dict[str, str] = Field(default={}, description="figure key -> the framework it clearly favours, or neither")


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
    file: str = Field(pattern=r"^[-\w/]+\.md(#[-\w]+)?$", description="path inside docs/, with an optional #anchor")


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
    held: DataText


class DecisionNext(Strict):
    page: Id = Field(description="a key of `pages`: where the result's next step leads")
    pick: DataText = Field(description="the link's text when the result names a framework")
    both: DataText = Field(description="the link's text when it does not")


class Decision(Strict):
    rules: DecisionRules
    pages: dict[Id, DecisionPage]
    facts: dict[Id, DataText]
    questions: list[Question] = Field(min_length=1)
    experience: Experience
    say: Say
    next: DecisionNext
# measured.yml: a real project's size and the benchmark -------------------------


class Project(Strict):
    """What a real project installs: the framework plus the add-ons features.yml names for it."""

    requirements: list[str] = Field(min_length=1, description="what was installed, as pip took it")
    distributions: int = Field(ge=1)
    size_kib: int = Field(ge=1)
    python: str
    measured: datetime.date


class Spread(Strict):
    """One figure: the median of several runs after a warm-up, with the smallest and largest."""

    median: float = Field(ge=0)
    min: float = Field(ge=0)
    max: float = Field(ge=0)
    samples: int = Field(ge=1, description="how many runs (or worker readings) the median is of")

    @model_validator(mode="after")
    def _in_order(self) -> "Spread":
        if not self.min <= self.median <= self.max:
            raise ValueError(f"expected min <= median <= max, got {self.min}, {self.median}, {self.max}")
        return self


class Machine(Strict):
    """Where the figures were measured: a benchmark without its machine means nothing."""

    cpu: str = Field(min_length=1, description="CPU model")
    cores: int = Field(ge=1)
    memory_mib: int = Field(ge=0)
    system: str = Field(min_length=1)
    virtual: bool = Field(description="a virtual machine, so other guests share the host")


class Method(Strict):
    runs: int = Field(ge=1)
    startup_runs: int = Field(ge=1)
    warmup_seconds: int = Field(ge=0)
    seconds: int = Field(ge=1, description="length of each load run")
    connections: int = Field(ge=1)
    workers: int = Field(ge=1)
    rows: int = Field(ge=10)
    load_generator: str
    load_average: list[float] = Field(min_length=2, max_length=2, description="1-minute load at start and end")


class AppSizes(Strict):
    smallest: dict[str, Spread]
    full: dict[str, Spread]


class Endpoint(Strict):
    path: dict[str, str]
    server: dict[str, str]
    rps: dict[str, Spread]
    p50_ms: dict[str, Spread]
    p99_ms: dict[str, Spread]
    cpu_ms: dict[str, Spread] = Field(description="CPU time the server's workers spent per request")


ENDPOINTS = ("text", "json", "template", "orm", "async", "admin")


class Benchmark(Strict):
    """Start-up, memory and requests of examples/bench/, written by ``make measure``."""

    measured: datetime.date
    command: str
    python: str
    machine: Machine
    versions: dict[str, str] = Field(min_length=1, description="installed version of every package the run loaded")
    method: Method
    startup_ms: AppSizes
    startup_cpu_ms: AppSizes = Field(description="CPU time of the whole start-up process")
    memory_mib: AppSizes
    requests: dict[str, Endpoint]


def _check_measured(data: "Data", text: str) -> None:
    """Each figure names known frameworks, covers the core ones, and says which version it measured."""
    known = set(data.frameworks)
    core = [k for k, f in data.frameworks.items() if f.core]
    where = lambda *path: _where("measured.yml", text, path)  # noqa: E731
    problems = []
    for fw in core:
        if fw not in data.project:
            problems.append(f"{where('project')}: no measurement for framework {fw!r}; run `make measure`")
    for fw in data.project:
        if fw not in known:
            problems.append(f"{where('project', fw)}: unknown framework {fw!r}; frameworks.yml defines {sorted(known)}")
    bench = data.benchmark
    figures = [((kind, size), getattr(getattr(bench, kind), size))
               for kind in ("startup_ms", "startup_cpu_ms", "memory_mib") for size in ("smallest", "full")]
    for name in ENDPOINTS:
        if name not in bench.requests:
            problems.append(f"{where('benchmark', 'requests')}: no figures for the {name!r} endpoint; run `make measure`")
    for name, endpoint in bench.requests.items():
        figures += [(("requests", name, metric), getattr(endpoint, metric))
                    for metric in ("rps", "p50_ms", "p99_ms", "cpu_ms")]
    measured = set()
    for path, per in figures:
        measured |= set(per)
        for fw in per:
            if fw not in known:
                problems.append(f"{where('benchmark', *path, fw)}: unknown framework {fw!r}; "
                                f"frameworks.yml defines {sorted(known)}")
        for fw in core:
            if fw not in per:
                problems.append(f"{where('benchmark', *path)}: no figure for core framework {fw!r}; run `make measure`")
    for fw in sorted(measured & known):
        package = data.frameworks[fw].package
        if package not in bench.versions:
            problems.append(f"{where('benchmark', 'versions')}: no version for {package} ({fw}), so its figures "
                            "cannot be told apart from another release's; run `make measure`")
    if problems:
        raise DataError("\n".join(problems))


# The whole data set --------------------------------------------------------


class Measured(Strict):
    """measured.yml is written by ``make measure``; edit it by re-measuring."""

    install: dict[str, Install]
    project: dict[str, Project]
    benchmark: Benchmark


class Data(Strict):
    frameworks: dict[str, Framework]
    install: dict[str, Install]
    features: dict[str, Feature]
    commands: dict[str, list[Command]]
    decision: Decision
    project: dict[str, Project]
    benchmark: Benchmark

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

    for path, message in decision_problems(data.decision, list(known), data):
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
                commands=cli.commands, decision=decision, project=measured.project, benchmark=measured.benchmark)
    _cross_check(data, texts)
    _check_measured(data, texts["measured.yml"])
    return data


class _FrameworksFile(Strict):
    """frameworks.yml is a mapping of framework id to its facts, under ``frameworks:``."""

    frameworks: dict[str, Framework]

    @property
    def root(self) -> dict[str, Framework]:
        return self.frameworks

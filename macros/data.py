"""Load and validate the comparison data in ``data/``.

Every file is checked against a pydantic schema on load. Any mistake (a wrong
type, a missing or unknown key, a framework that ``frameworks.yml`` does not
define) raises :class:`DataError` naming the file, the path of the key, its
line, and what was expected, so a bad edit fails the build instead of
rendering a silently wrong table.

The files (each key and what it means is a field of the models below, with
its ``description``):

- ``features.yml``: one entry per feature: a ``name``, the ``topic`` (the
  cookbook page that shows it; a topic some ``examples/<topic>/topic.yml``
  declares) and one cell per framework under ``per:``. A cell has
  ``support`` (``builtin``, ``addon`` or ``none``), ``how`` (a few words on
  what a reader uses) and a ``source`` URL; a ``builtin`` names an importable
  ``module`` (a dotted path), an ``addon`` its PyPI ``package``. ``needs:``
  lists other packages the job needs as its page shows it (``make measure``
  counts them in a real project); ``check:`` names a probe in
  tests/facts/probes.py whose phrases ``how`` must contain.
- ``cli.yml``: the commands a page mentions, per framework: ``name``,
  ``usage`` (shown as code whole, no backticks), ``does``, ``topic``, ``source``.
- ``frameworks.yml``: one entry per framework: versions, supported Python,
  licence, first release, each with a source; ``core: true`` means every
  example must show it; ``examples:`` are the globs of its files in
  ``examples/<topic>/``.
- ``decision.yml``: the "How to choose" questionnaire; macros/decision.py
  explains its rules and scoring.
- ``measured.yml``: written by ``make measure`` (tools/measure.py); never
  edited by hand.

Text a reader sees marks code with backticks, in pairs (macros/text.py).

What the schema rejects, each with the file, the line, the key path and what
to write instead: a missing or unknown key (with the keys allowed there, or
the one probably meant); a key written twice in one entry, or a feature id
used twice (YAML would keep the last without a word); an unpaired backtick
or a control character in text a reader sees; a wrong type (``release_line:
3.10`` reads as the number 3.1: quote it, ``"3.10"``); a blank value; a
``support`` that is not one of the three; a ``builtin`` without ``module``,
an ``addon`` without ``package``, a ``none`` with either; a URL that is not
``https://``; a framework ``frameworks.yml`` does not define; a feature with
no cell for a core framework; a framework with no measurement; a file that
is not UTF-8; a value still holding a ``FILL IN`` placeholder.

What tests/facts/ then checks against the installed packages: every
``builtin`` module imports, every ``addon`` package is pinned in
examples/requirements-common.txt and imported by an example, every command
exists in the real ``flask`` CLI or Django's management commands, every topic
has a cookbook page, and the versions, licences and Python ranges in
``frameworks.yml`` match the installed frameworks and the pins.

A third framework is data and examples only, no change here: an entry in
``frameworks.yml`` with ``core: false`` (pages show its tab only where it has
an example) and the globs of its files; its pin in examples/requirements.txt
and its measurement (``make measure``); its cells in ``features.yml`` and
commands in ``cli.yml``; example files and tests in the topics where it has
something to show.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import datafile, decision, text
from .datafile import LOADER, DataError, parse, placeholders, read, where

FILES = ("frameworks.yml", "measured.yml", "features.yml", "cli.yml", "decision.yml")


# Text a reader sees in a table or list: words, with `code` in backticks (pairs only).
DataText = Annotated[str, AfterValidator(text.check)]


class Strict(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _not_blank(cls, value: Any) -> Any:
        # A blank string renders as an empty table cell or an empty sentence.
        if isinstance(value, str) and not value.strip():
            raise PydanticCustomError("blank", "is blank; write the text it stands for")
        return value


def _https(url: HttpUrl) -> HttpUrl:
    if url.scheme != "https":
        raise PydanticCustomError("https", "is a plain http:// address; use the https:// one")
    return url


# Every source a reader may follow is an https:// address.
Link = Annotated[HttpUrl, AfterValidator(_https)]


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
    source: Link


class Sources(Strict):
    """Where each fact of a framework entry can be checked."""

    first_release: Link
    licence: Link
    python: Link


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
    needs: list[str] = Field(
        default=[],
        description="other packages the job needs as its page shows it (the "
        "`redis` client of a Redis cache): a real project installs them (tools/measure.py)",
    )
    check: str | None = Field(
        default=None,
        description="a probe in tests/facts/probes.py that runs the framework and returns phrases `how` must contain",
    )
    source: Link


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
    source: Link


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
    measured: dict[str, str] = Field(
        default={}, description="figure key -> the framework it clearly favours, or neither"
    )
    check: str | None = Field(
        default=None, description="a probe in tests/facts/probes.py whose phrases `reason` contains"
    )


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
    explained: DataText = Field(
        description="these rules in words, heading the list for readers without scripts; {lead} and {facts} filled in"
    )


class DecisionPage(Strict):
    title: DataText
    file: str = Field(pattern=r"^[-\w/]+\.md(#[-\w]+)?$", description="path inside docs/, with an optional #anchor")


class SayGroups(Strict):
    """The result's reasons come in groups, the deciding ones first; each group has this title."""

    decides: DataText = Field(description="the team's experience, when it decides the result")
    side: DataText = Field(
        description="the reasons counted for one framework, its group titled with {side} and {points}"
    )
    repeat: DataText = Field(description="reasons counted once with another answer, or held back")
    neutral: DataText = Field(description="reasons that favour neither framework")
    experience: DataText = Field(description="the team's experience, when it does not decide")


class Say(Strict):
    groups: SayGroups
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
    def _in_order(self) -> Spread:
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


def _check_measured(data: Data, text: str) -> None:
    """Each figure names known frameworks, covers the core ones, and says which version it measured."""
    known = set(data.frameworks)
    core = [k for k, f in data.frameworks.items() if f.core]

    def where(*path: str) -> str:
        return datafile.where("measured.yml", text, path)

    problems = []
    for fw in core:
        if fw not in data.project:
            problems.append(f"{where('project')}: no measurement for framework {fw!r}; run `make measure`")
    for fw in data.project:
        if fw not in known:
            problems.append(f"{where('project', fw)}: unknown framework {fw!r}; frameworks.yml defines {sorted(known)}")
    bench = data.benchmark
    figures: list[tuple[tuple[str, ...], Any]] = [
        ((kind, size), getattr(getattr(bench, kind), size))
        for kind in ("startup_ms", "startup_cpu_ms", "memory_mib")
        for size in ("smallest", "full")
    ]
    for name in ENDPOINTS:
        if name not in bench.requests:
            problems.append(
                f"{where('benchmark', 'requests')}: no figures for the {name!r} endpoint; run `make measure`"
            )
    for name, endpoint in bench.requests.items():
        figures += [
            (("requests", name, metric), getattr(endpoint, metric)) for metric in ("rps", "p50_ms", "p99_ms", "cpu_ms")
        ]
    measured = set()
    for path, per in figures:
        measured |= set(per)
        for fw in per:
            if fw not in known:
                problems.append(
                    f"{where('benchmark', *path, fw)}: unknown framework {fw!r}; frameworks.yml defines {sorted(known)}"
                )
        for fw in core:
            if fw not in per:
                problems.append(f"{where('benchmark', *path)}: no figure for core framework {fw!r}; run `make measure`")
    for fw in sorted(measured & known):
        package = data.frameworks[fw].package
        if package not in bench.versions:
            problems.append(
                f"{where('benchmark', 'versions')}: no version for {package} ({fw}), so its figures "
                "cannot be told apart from another release's; run `make measure`"
            )
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


# What each kind of support needs, and what it must not have, in a features.yml cell.
CELL_RULES = {
    "builtin": (
        "module",
        "package",
        "the importable module, class or function that proves it ships with the framework",
    ),
    "addon": ("package", "module", "the add-on's name on PyPI"),
    "none": (None, ("module", "package"), ""),
}


def _cell_rules(data: Data, text: str) -> list[str]:
    """A cell's keys agree with its ``support``: no "Not included: Jinja2", no "Add-on: None"."""
    problems = []
    for fid, feature in data.features.items():
        for fw, cell in feature.per.items():
            needs, forbids, what = CELL_RULES[cell.support]
            path = ("features", fid, "per", fw)
            if needs and not getattr(cell, needs):
                problems.append(
                    f"{where('features.yml', text, path)}: `support: {cell.support}` needs `{needs}:`, {what}"
                )
            for key in (forbids,) if isinstance(forbids, str) else forbids:
                if getattr(cell, key):
                    problems.append(
                        f"{where('features.yml', text, (*path, key))}: `support: {cell.support}` "
                        f"cannot have `{key}:` ({getattr(cell, key)!r}); remove it, or change "
                        "`support` if the framework does have it"
                    )
    return problems


def _cross_check(data: Data, texts: dict[str, str]) -> None:
    """Every framework a feature or command names must be defined, and every core framework covered."""
    known = set(data.frameworks)
    core = {k for k, f in data.frameworks.items() if f.core}
    problems = _cell_rules(data, texts["features.yml"])
    for fid, feature in data.features.items():
        for fw in feature.per:
            if fw not in known:
                path: tuple[str, ...] = ("features", fid, "per", fw)
                problems.append(
                    f"{where('features.yml', texts['features.yml'], path)}: unknown framework "
                    f"{fw!r}; frameworks.yml defines {sorted(known)}"
                )
        for fw in sorted(core - set(feature.per)):
            path = ("features", fid, "per")
            problems.append(f"{where('features.yml', texts['features.yml'], path)}: no cell for core framework {fw!r}")
    for fw in sorted(known - set(data.install)):
        problems.append(f"data/measured.yml: install: no measurement for framework {fw!r}; run `make measure`")
    for fw in data.install:
        if fw not in known:
            problems.append(
                f"{where('measured.yml', texts['measured.yml'], ('install', fw))}: unknown framework "
                f"{fw!r}; frameworks.yml defines {sorted(known)}"
            )
    for fw in data.commands:
        if fw not in known:
            problems.append(
                f"{where('cli.yml', texts['cli.yml'], ('commands', fw))}: unknown framework "
                f"{fw!r}; frameworks.yml defines {sorted(known)}"
            )
    for path, message in decision.problems(data.decision, list(known)):
        problems.append(f"{where('decision.yml', texts['decision.yml'], path)}: {message}")
    if problems:
        raise DataError("\n".join(problems))


def load(data_dir: Path | str, warn: Callable[[str], None] | None = None) -> Data:
    """Read, validate and cross-check every file in ``data_dir``.

    A value still holding a `make new-topic` placeholder is an error, unless
    ``warn`` is given (``mkdocs serve`` while writing): each is then passed to it.
    """
    data_dir = Path(data_dir)
    texts = {}
    for name in FILES:
        path = data_dir / name
        if not path.is_file():
            raise DataError(f"data/{name}: file not found in {data_dir}")
        texts[name] = read(path, name)
    frameworks = parse(_FrameworksFile, "frameworks.yml", texts["frameworks.yml"])
    measured = parse(Measured, "measured.yml", texts["measured.yml"])
    features = parse(Features, "features.yml", texts["features.yml"])
    cli = parse(Cli, "cli.yml", texts["cli.yml"])
    questionnaire = parse(Decision, "decision.yml", texts["decision.yml"])
    data = Data(
        frameworks=frameworks.root,
        install=measured.install,
        features=features.features,
        commands=cli.commands,
        decision=questionnaire,
        project=measured.project,
        benchmark=measured.benchmark,
    )
    _cross_check(data, texts)
    _check_measured(data, texts["measured.yml"])
    unfilled = [p for name, body in texts.items() for p in placeholders(name, yaml.compose(body, Loader=LOADER))]
    if unfilled:
        if warn is None:
            raise DataError("\n".join(unfilled))
        for problem in unfilled:
            warn(problem)
    return data


class _FrameworksFile(Strict):
    """frameworks.yml is a mapping of framework id to its facts, under ``frameworks:``."""

    frameworks: dict[str, Framework]

    @property
    def root(self) -> dict[str, Framework]:
        return self.frameworks

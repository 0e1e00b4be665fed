"""A cookbook page's "Run it": the same steps in every page, from an empty folder.

A page writes ``{{ run_it("hello") }}`` under its "## Run it" heading. For
each framework with example files in ``examples/hello/`` this emits a tab
holding, in order:

1. **Set up**: create and activate a virtual environment, the ``pip install``
   line, the project skeleton (Django: ``django-admin startproject project .``)
   and the folders and empty files of the example.
2. **Files**: the tree of the reader's folder, every file at the path its
   code-block title shows (the same layout as ``examples/``), and for Django
   the lines to add at the end of ``project/settings.py`` and ``project/urls.py``.
3. **Run**: section ``run`` of ``<framework>_commands.sh`` (optional for a
   page whose commands print their result and start no server).
4. **Expected output**: section ``expect`` of the same file: each command a
   reader types (in a second terminal when ``run`` started a server), with the
   lines of its output to look for under it as ``# `` comments.

The install line is built here, never typed: the names come from section
``install`` of the commands file (``pip install Flask Flask-SQLAlchemy``,
names only) and the versions from the pins, the framework's from
data/frameworks.yml (so a version bump there reaches every page) and every
other package's from examples/requirements*.txt (or, for a test tool such as
pytest, requirements-test.txt). A package pinned only in
requirements-lts.txt (a backport) goes on the LTS line alone.

Everything the page shows comes from :func:`plan`, which the tests in
tests/examples/test_run_it.py also execute in an empty temporary folder:
what a reader types is what the tests run. Nothing here imports MkDocs or
pydantic, so those tests run on the LTS interpreter too.

Writing the commands files: a line in ``run`` that starts a server comes
last, and a service the page needs (Redis, a worker) starts before it with
``&``. In ``expect``, ``...`` stands for text that changes from run to run (a
CSRF token), and a status line is compared by its code. A version typed on
the ``install`` line, or a package that is not pinned, fails the build naming
the file. Commands are typed in the folder that holds the topic (in a clone,
``examples/``), so no section starts with ``cd examples``; the page tells a
reader with a clone to do that. What a reader types at a prompt comes from
``prompts:`` in the topic's manifest (macros/topics.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import topics
from .errors import MacroError
from .examples import Links, _block, files_of, section_lines, sections_of

SECTIONS = ("install", "run", "expect")
# The Django project the reader creates, and where this site's project mounts a topic's URLs.
PROJECT = "project"
STARTPROJECT = f"django-admin startproject {PROJECT} ."
STARTPROJECT_FILES = ("__init__.py", "asgi.py", "settings.py", "urls.py", "wsgi.py")
VENV = "python3 -m venv .venv"
ACTIVATE = "source .venv/bin/activate  # on Windows: .venv\\Scripts\\activate"
# Commands that start a server (or a worker) and keep running until stopped.
LONG_RUNNING = {"run", "runserver", "worker", "db_worker", "uvicorn", "gunicorn", "daphne"}


def canonical(name: str) -> str:
    """A distribution name as pip compares them: lower case, runs of - _ . as one -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path, seen: set[Path] | None = None) -> dict[str, str]:
    """Exact pins of a requirements file, following ``-r`` includes; canonical names."""
    seen = seen if seen is not None else set()
    if path in seen:
        return {}
    seen.add(path)
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#")[0].strip()
        if line.startswith("-r "):
            found.update(read_pins(path.parent / line[3:].strip(), seen))
        elif "==" in line:
            name, version = line.split("==", 1)
            found[canonical(re.sub(r"\[.*\]", "", name.strip()))] = version.strip()
    return found


@dataclass(frozen=True)
class Pins:
    """What the examples are tested with: one line for the current releases, one for the LTS."""

    current: dict[str, str]
    lts: dict[str, str]

    @classmethod
    def read(cls, examples_dir: Path) -> Pins:
        # The test tools a page may ask a reader to install (pytest) are pinned with the site's tests.
        tools = examples_dir.parent / "requirements-test.txt"
        tested = read_pins(tools) if tools.is_file() else {}
        return cls(
            {**tested, **read_pins(examples_dir / "requirements.txt")},
            {**tested, **read_pins(examples_dir / "requirements-lts.txt")},
        )


@dataclass
class File:
    """A file of the reader's folder: copied from ``source``, or created empty when ``source`` is None."""

    path: str
    source: Path | None
    note: str = ""


@dataclass
class Plan:
    """Every step of one framework's "Run it", as data: the page renders it, the tests run it."""

    framework: str
    key: str
    commands: Path  # examples/<topic>/<key>_commands.sh
    python: str  # "Python 3.12 or newer"
    pip: list[str]  # ["Flask==3.1.3", ...]
    lts: tuple[str, str, list[str]] | None  # (label, python, requirements) of the LTS line
    skeleton: list[str]  # shell commands after the install: startproject, mkdir, touch
    files: list[File]
    appends: dict[str, list[str]] = field(default_factory=dict)  # "project/settings.py" -> lines
    run: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)

    @property
    def setup(self) -> list[str]:
        """The "Set up" block, line by line, as the page shows it."""
        lines = [f"{VENV}  # {self.python}", ACTIVATE, *wrap("pip install " + " ".join(self.pip))]
        if self.lts:
            label, python, requirements = self.lts
            lines += [f"# {label} instead ({python}):", *wrap(f"# pip install {' '.join(requirements)}")]
        return lines + [part for line in self.skeleton for part in wrap(line)]

    @property
    def server(self) -> str | None:
        """The line of ``run`` that starts a server and keeps running, if any (the last such line)."""
        starts = [line for line in self.run if long_running(line)]
        return starts[-1] if starts else None


# The widest line a page shows (macros/examples.py SHOWN_WIDTH, which imports nothing of ours).
WIDTH = 72


def wrap(command: str, width: int = WIDTH) -> list[str]:
    """A shell command as lines of at most ``width`` characters, continued with a backslash
    (``# `` comment lines continue as comments); a single word longer than that stays whole."""
    comment = command.startswith("# ")
    words = command[2:].split(" ") if comment else command.split(" ")
    lead, more = ("# ", "#   ") if comment else ("", "    ")
    lines, line = [], lead + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) + (0 if comment else 2) > width:
            lines.append(line if comment else line + " \\")
            line = more + word
        else:
            line += " " + word
    return lines + [line]


def logical(lines: list[str]) -> list[str]:
    """Shell lines with each backslash continuation joined back: what bash runs."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith(" \\"):
            out[-1] = out[-1][:-2] + " " + line.strip()
        else:
            out.append(line)
    return out


def long_running(line: str) -> bool:
    words = line.split("#")[0].split()
    return (
        bool(words)
        and not line.rstrip().endswith("&")
        and (words[0] in LONG_RUNNING or any(w in LONG_RUNNING for w in words[1:6]))
    )


def python_text(spec: str) -> str:
    """ ">=3.12" -> "Python 3.12 or newer"."""
    match = re.fullmatch(r"\s*>=\s*(\d+\.\d+)\s*", spec)
    return f"Python {match.group(1)} or newer" if match else f"Python {spec}"


def _section(path: Path, name: str, rel: str) -> list[str]:
    try:
        return section_lines(path, name)
    except KeyError:
        raise MacroError(
            f"{rel}: no complete snippet section {name!r} (a [start:...] marker without its [end:...])"
        ) from None


def _requirements(path: Path, rel: str, fw: Any, pins: Pins) -> tuple[list[str], list[str] | None]:
    """The install line's requirements on the current releases, and on the LTS line (None: no LTS line)."""
    lines = [line for line in _section(path, "install", rel) if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1 or not lines[0].startswith("pip install "):
        raise MacroError(f"{rel}: section 'install' must be one line, `pip install` and the package names")
    names = lines[0].split("#")[0].split()[2:]
    parsed = []
    for name in names:
        extras = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[a-z0-9,_-]+\])?", name)
        if not extras:
            raise MacroError(
                f"{rel}: section 'install' names {name!r}: write the package name alone "
                "(an extra in brackets is fine); the page adds the version from the pins"
            )
        parsed.append((name, extras))
    if not parsed or canonical(parsed[0][1].group(1)) != canonical(fw.package):
        raise MacroError(f"{rel}: section 'install' must name {fw.package} first, then the other packages")

    def pinned(name: str, extras: re.Match[str], version: str) -> str:
        # Quoted when it has brackets, which zsh would read as a pattern.
        return f'"{name}=={version}"' if extras.group(2) else f"{name}=={version}"

    current, lts = [], []
    for name, extras in parsed:
        key = canonical(extras.group(1))
        if key == canonical(fw.package):
            current.append(pinned(name, extras, fw.current.version))
            if fw.lts:
                lts.append(pinned(name, extras, fw.lts.version))
        elif key in pins.current:
            current.append(pinned(name, extras, pins.current[key]))
            lts.append(pinned(name, extras, pins.lts.get(key, pins.current[key])))
        elif key in pins.lts:  # a backport the LTS line alone needs
            lts.append(pinned(name, extras, pins.lts[key]))
        else:
            raise MacroError(
                f"{rel}: section 'install' names {name}, which examples/requirements.txt, "
                "examples/requirements-lts.txt and requirements-test.txt do not pin"
            )
    return current, (lts if fw.lts else None)


def _example_files(topic_dir: Path, examples_dir: Path, fw: Any) -> list[File]:
    """The framework's files of the topic (commands files aside), with the topic package's __init__.py."""
    # Compiled message catalogues (.mo) are built from the .po files by the page's commands.
    paths = [p for p in files_of(topic_dir, fw.examples) if not p.name.endswith("_commands.sh") and p.suffix != ".mo"]
    init = topic_dir / "__init__.py"
    if init.is_file():
        paths.insert(0, init)
    found = []
    for path in paths:
        rel = path.relative_to(examples_dir).as_posix()
        empty = path.suffix == ".py" and not path.read_bytes().strip()
        found.append(File(rel, None if empty else path, "(empty)" if empty else ""))
    return found


def _django_project(topic: str, topic_dir: Path, examples_dir: Path) -> tuple[list[File], dict[str, list[str]]]:
    """The files `startproject` writes, and the lines the topic needs at the end of settings.py and urls.py."""
    apps = [f"{topic}.django_app"] if (topic_dir / "django_app" / "apps.py").is_file() else []
    apps += sorted(".".join(p.parent.relative_to(examples_dir).parts) for p in topic_dir.glob("django_app/*/apps.py"))
    settings = [
        "import os",
        "",
        "# Debug mode only when asked for (DJANGO_DEBUG=1), as in this",
        "# site's project: a server started without it never shows",
        "# tracebacks to strangers.",
        'DEBUG = os.environ.get("DJANGO_DEBUG") == "1"',
        'ALLOWED_HOSTS = ["127.0.0.1", "localhost"]',
    ]
    if apps:
        line = "INSTALLED_APPS += [" + ", ".join(f'"{app}"' for app in apps) + "]"
        settings += [line] if len(line) <= WIDTH else ["INSTALLED_APPS += [", *(f'    "{app}",' for app in apps), "]"]
    # Settings this site's project holds for the topic, in a section named after it.
    project_settings = examples_dir / PROJECT / "settings.py"
    if project_settings.is_file() and topic in sections_of(project_settings):
        settings += section_lines(project_settings, topic)
    appends = {f"{PROJECT}/settings.py": settings}
    if (topic_dir / "django_app" / "urls.py").is_file():
        # Where this site's project mounts it too (examples/project/urls.py): the topic's manifest says.
        try:
            mount = topics.read(topic_dir / topics.MANIFEST).mount or ""
        except topics.TopicError as exc:
            raise MacroError(str(exc)) from None
        appends[f"{PROJECT}/urls.py"] = [
            "from django.urls import include",
            "",
            "urlpatterns += [",
            f'    path("{mount}", include("{topic}.django_app.urls")),',
            "]",
        ]
    project = [File("manage.py", None, "from startproject")]
    for name in STARTPROJECT_FILES:
        rel = f"{PROJECT}/{name}"
        project.append(
            File(rel, None, "from startproject, plus lines below" if rel in appends else "from startproject")
        )
    return project, appends


def plan(root: Path, fw_key: str, fw: Any, topic: str, pins: Pins | None = None, examples: str = "examples") -> Plan:
    """The Run-it steps of ``topic`` for one framework, read from its example files and the pins."""
    examples_dir = root / examples
    topic_dir = examples_dir / topic
    pins = pins or Pins.read(examples_dir)
    commands = topic_dir / f"{fw_key}_commands.sh"
    rel = commands.relative_to(root).as_posix()
    if not commands.is_file():
        raise MacroError(
            f"no {rel}: a Run-it section needs {fw.name}'s commands there, "
            f"in sections {', '.join(repr(s) for s in SECTIONS)}"
        )
    have = sections_of(commands)
    missing = [name for name in ("install", "expect") if name not in have]
    if missing:
        raise MacroError(
            f"{rel} has no snippet section {' or '.join(repr(m) for m in missing)} "
            f"(a Run-it section shows sections {', '.join(repr(s) for s in SECTIONS)})"
        )
    current, lts = _requirements(commands, rel, fw, pins)
    lts_line = (f"{fw.name} {fw.lts.release_line} LTS", python_text(fw.lts.python), lts) if lts is not None else None

    files = _example_files(topic_dir, examples_dir, fw)
    skeleton: list[str] = []
    appends: dict[str, list[str]] = {}
    if fw_key == "django":
        project, appends = _django_project(topic, topic_dir, examples_dir)
        files = project + files
        skeleton.append(STARTPROJECT)
    # The reader makes the example's folders and empty files; startproject made the project's.
    ours = [f for f in files if f.path != "manage.py" and not f.path.startswith(f"{PROJECT}/")]
    folders = sorted({Path(f.path).parent.as_posix() for f in ours} - {"."})
    leaves = [d for d in folders if not any(other.startswith(d + "/") for other in folders)]
    if leaves:
        skeleton.append("mkdir -p " + " ".join(leaves))
    empty = [f.path for f in ours if f.source is None]
    if empty:
        skeleton.append("touch " + " ".join(empty))

    run = _section(commands, "run", rel) if "run" in have else []
    servers = [i for i, line in enumerate(run) if long_running(line)]
    code = [i for i, line in enumerate(run) if line.strip() and not line.lstrip().startswith("#")]
    if servers and servers[-1] != code[-1]:
        raise MacroError(
            f"{rel}: in section 'run', the line that starts the server must come last; "
            "what a reader types once it runs goes in section 'expect'"
        )
    expect = _section(commands, "expect", rel)
    if not expect or expect[0].startswith("#"):
        raise MacroError(
            f"{rel}: section 'expect' must start with a command a reader types; "
            "the output lines to look for go under it as '# ' comments"
        )
    return Plan(
        framework=fw.name,
        key=fw_key,
        commands=commands,
        python=python_text(fw.current.python),
        pip=current,
        lts=lts_line,
        skeleton=skeleton,
        files=files,
        appends=appends,
        run=run,
        expect=expect,
    )


def tree(files: list[File]) -> list[str]:
    """The folder as `tree` draws it, with each file's note to its right."""
    root: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for f in files:
        node = root
        parts = f.path.split("/")
        for part in parts[:-1]:
            node = node.setdefault(part + "/", {})
        node[parts[-1]] = None
        notes[f.path] = f.note

    rows: list[tuple[str, str]] = []

    def walk(node: dict[str, Any], prefix: str, path: str) -> None:
        # Files before folders, as a reader scans a folder: manage.py, then project/, then the app.
        names = sorted(node, key=lambda n: (n.endswith("/"), n))
        for i, name in enumerate(names):
            last = i == len(names) - 1
            rows.append((f"{prefix}{'└── ' if last else '├── '}{name}", notes.get(path + name, "")))
            if node[name] is not None:
                walk(node[name], prefix + ("    " if last else "│   "), path + name)

    walk(root, "", "")
    # Notes line up after the longest row that has one: a deep file without a
    # note does not push every note past the width a page shows.
    width = max((len(text) for text, note in rows if note), default=0) + 2
    return ["."] + [f"{text:<{width}}{note}".rstrip() for text, note in rows]


def _generated(lang: str, title: str, lines: list[str]) -> str:
    """A code block the page builds (not an example's section): class run-it marks it for the tests."""
    body = "\n".join(f"    {line}".rstrip() for line in lines)
    return f'    ``` {{ .{lang} .run-it title="{title}" }}\n{body}\n    ```\n'


# A Run it has these steps in both tabs, each in its own box, even when empty (a
# Flask app has no project file to add lines to): side by side (extra.css), the
# two tabs' boxes share rows, so a step sits beside the same step.
STEPS = ("set-up", "folder", "add", "run", "expect")


def _step(parts: list[str]) -> str:
    """A step's box (pymdownx.blocks.html), empty when the framework has nothing to do there."""
    body = "\n".join(parts)
    return f"    /// html | div.run-it-step\n\n{body}\n    ///\n"


def render(root: Path, p: Plan, fw: Any, links: Links | None, topic: str, examples: str = "examples") -> str:
    """One framework's tab body (indented four spaces): its steps, in the order of STEPS."""
    examples_dir = root / examples
    folder = links.tree(f"{examples}/{topic}") if links else None
    where = f"[`{examples}/{topic}/`]({folder})" if folder else f"`{examples}/{topic}/`"
    steps: dict[str, list[str]] = {name: [] for name in STEPS}
    steps["set-up"] = [
        "    In an empty folder: create a virtual environment, install what this page's "
        f"{p.framework} example uses at the versions this site tests, and make its folders:\n",
        _generated("bash", "Set up", p.setup),
    ]
    steps["folder"] = [
        "    Put each file at its path in this tree: the code-block titles on this page link to the "
        f"whole files, and {where} in this site's repository holds every one:\n",
        _generated("text", "Your folder", tree(p.files)),
    ]
    for target, lines in p.appends.items():
        steps["add"].append(f"    Add these lines at the end of `{target}`:\n")
        steps["add"].append(_generated("python", target, lines))
    if p.run:
        steps["run"] = ["    Run it:\n", _block(root, examples_dir, fw, p.commands, "run", links)]
    if p.server:
        lead = (
            "    Then, in a second terminal (or in a browser), ask for a page; under each command, "
            "the lines of its output to look for:\n"
        )
    else:
        lead = "    What to type, and under each command the lines of its output to look for:\n"
    steps["expect"] = [lead, _block(root, examples_dir, fw, p.commands, "expect", links)]
    return "\n".join(_step(steps[name]) for name in STEPS)


def run_it(root: Path, frameworks: dict[str, Any], links: Links | None, topic: str, examples: str = "examples") -> str:
    """Markdown for the Run-it tab set of ``topic``: one tab per framework with a commands file."""
    topic_dir = root / examples / topic
    if not topic_dir.is_dir():
        raise MacroError(f"no example folder {examples}/{topic}/")
    pins = Pins.read(root / examples)
    tabs: list[str] = []
    for key, fw in frameworks.items():
        if not (topic_dir / f"{key}_commands.sh").is_file():
            if fw.core:
                plan(root, key, fw, topic, pins, examples)  # raises, naming the missing file
            continue
        body = render(root, plan(root, key, fw, topic, pins, examples), fw, links, topic, examples)
        opener = "===!" if not tabs else "==="
        tabs.append(f'{opener} "{fw.name}"\n\n{body}')
    clone = (
        f"From a clone of this site's repository instead, skip the set-up: `make serve` has installed "
        f"every package in `.venv`; activate it, `cd {examples}`, and type the same commands."
    )
    return "\n".join(tabs) + "\n" + clone + "\n"

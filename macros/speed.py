"""Speed and resources: tables, charts and prose figures from the benchmark in data/measured.yml.

Pure functions over :class:`macros.data.Data`. Every ratio is Flask over Django
(the first two frameworks of data/frameworks.yml) from the same run, and a
difference is called *clear* only when it stands outside the spread between
runs: every run of one framework beat every run of the other, and the medians
differ by more than :data:`MARGIN`. Anything less is reported as "within the
spread", because the machine is shared and noisy.

The calls a page writes (``data`` is passed by macros/__init__.py)::

    {{ speed_table("startup") }}     one section as a table; the sections are WHATS:
                                     startup, memory, requests, cpu, latency, admin, project
    {{ speed_chart("startup") }}     the same figures as a bar chart (macros/charts.py)
    {{ figure("benchmark.startup_ms.smallest.flask") }}
                                     one measured value (see figure() for the key grammar)
    {{ compare("benchmark.startup_ms.smallest") }}
                                     a clause that says whatever the data says
    {{ benchmark_setup() }}          the machine, the method and the versions
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from . import charts, tables, text
from .data import ENDPOINTS, Data, Spread
from .errors import MacroError

MARGIN = 0.10

LABELS = {
    "smallest": "Smallest app",
    "full": "Usual parts loaded",
    "text": "Plain text",
    "json": "JSON",
    "template": "Rendered template",
    "orm": "Ten rows through the ORM",
    "async": "Async view waiting 10 ms",
    "admin": "Admin list page (100 of 300 rows)",
}

# What each kind of figure is: unit, decimals, whether more is better, and the
# words for a clear difference ("Flask, 2.1× faster").
KINDS = {
    "startup_ms": ("ms", 0, False, "faster"),
    "startup_cpu_ms": ("ms", 0, False, "less CPU"),
    "memory_mib": ("MiB", 0, False, "less"),
    "rps": ("requests/s", 0, True, "more"),
    "p50_ms": ("ms", 1, False, "lower"),
    "p99_ms": ("ms", 1, False, "lower"),
    "cpu_ms": ("ms", 2, False, "less CPU"),
}
WHATS = ("startup", "memory", "requests", "cpu", "latency", "admin", "project")


# Plumbing -----------------------------------------------------------------


def _pair(data: Data) -> tuple[str, str]:
    """The two frameworks every ratio compares: the first two in frameworks.yml."""
    names = list(data.frameworks)
    if len(names) < 2:
        raise MacroError("the speed figures compare two frameworks; data/frameworks.yml defines one")
    return names[0], names[1]


def _name(data: Data, key: str) -> str:
    return data.frameworks[key].name


def _value(spread: Spread, kind: str) -> str:
    unit, digits, _, _ = KINDS[kind]
    return f"{charts.number(spread.median, digits)} {unit}"


def _range(spread: Spread, kind: str) -> str:
    digits = KINDS[kind][1]
    return f"{charts.number(spread.min, digits)}–{charts.number(spread.max, digits)}"


def ratio(a: Spread, b: Spread) -> float:
    """Median of ``a`` over median of ``b``."""
    return a.median / b.median if b.median else float("inf")


def clear(a: Spread, b: Spread, margin: float = MARGIN) -> bool:
    """True when the runs do not overlap and the medians differ by more than ``margin``."""
    apart = a.min > b.max or b.min > a.max
    low, high = sorted((a.median, b.median))
    return apart and (low == 0 or high / low > 1 + margin)


def difference(data: Data, per: dict[str, Spread], kind: str) -> tuple[str, float] | None:
    """The framework a figure clearly favours and by how many times, or None (see :func:`clear`).

    The one owner of "clear winner": :func:`verdict`, :func:`compare` and :func:`winner` say what it finds.
    """
    first, second = _pair(data)
    a, b = per[first], per[second]
    if not clear(a, b):
        return None
    a_wins = (a.median > b.median) == KINDS[kind][2]
    return (first if a_wins else second), max(a.median, b.median) / max(min(a.median, b.median), 1e-9)


def verdict(data: Data, per: dict[str, Spread], kind: str) -> str:
    """ "Yes: Flask, 2.1× faster" for a clear difference; "No: within the spread" otherwise."""
    found = difference(data, per, kind)
    if found is None:
        return "No: within the spread"
    return f"Yes: {_name(data, found[0])}, {found[1]:.1f}× {KINDS[kind][3]}"


def _table(header: list[str], rows: list[list[Any]]) -> str:
    return tables.markdown_table(header, [[str(c).replace("|", "\\|") for c in row] for row in rows])


def _rows(data: Data, items: list[tuple[str, dict[str, Spread], str]]) -> list[list[str]]:
    first, second = _pair(data)
    rows = []
    for label, per, kind in items:
        cells = [f"{_value(per[k], kind)} ({_range(per[k], kind)})" for k in (first, second)]
        rows.append([label, *cells, f"{ratio(per[first], per[second]):.2f}", verdict(data, per, kind)])
    return rows


def _header(data: Data, first_column: str) -> list[str]:
    first, second = _pair(data)
    a, b = _name(data, first), _name(data, second)
    return [first_column, f"{a}: median (range)", f"{b}: median (range)", f"{a} ÷ {b}", "Clear difference"]


def _endpoint_names(data: Data, admin: bool) -> list[str]:
    wanted = ["admin"] if admin else [n for n in ENDPOINTS if n != "admin"]
    missing = [n for n in wanted if n not in data.benchmark.requests]
    if missing:
        raise MacroError(f"no figures for the {missing[0]!r} endpoint in data/measured.yml; run `make measure`")
    return wanted


def _check(what: str) -> None:
    if what not in WHATS:
        raise MacroError(f"unknown figure {what!r}; choose one of {list(WHATS)}")


# Macros -------------------------------------------------------------------


Item = tuple[str, dict[str, Spread], str]  # label, figure per framework, kind


def _items(data: Data, what: str) -> tuple[str, list[Item]]:
    """The rows of one section: a first-column heading and (label, figure, kind) for each row."""
    bench = data.benchmark
    if what == "startup":
        return "App", [
            (f"{LABELS[size]}: {clock}", getattr(getattr(bench, kind), size), kind)
            for size in ("smallest", "full")
            for clock, kind in (("wall clock", "startup_ms"), ("CPU time", "startup_cpu_ms"))
        ]
    if what == "memory":
        return "App", [(LABELS[size], getattr(bench.memory_mib, size), "memory_mib") for size in ("smallest", "full")]
    if what == "admin":
        admin = bench.requests[_endpoint_names(data, True)[0]]
        return "Admin list page", [
            ("Pages per second", admin.rps, "rps"),
            ("CPU time per page", admin.cpu_ms, "cpu_ms"),
            ("Latency, p50", admin.p50_ms, "p50_ms"),
            ("Latency, p99", admin.p99_ms, "p99_ms"),
        ]
    metric = {"requests": "rps", "cpu": "cpu_ms", "latency": "p50_ms"}[what]
    return "Endpoint", [(LABELS[n], getattr(bench.requests[n], metric), metric) for n in _endpoint_names(data, False)]


def speed_table(data: Data, what: str) -> str:
    """The figures of one section as a table: each framework's median and range, their ratio, a verdict."""
    _check(what)
    first, second = _pair(data)
    if what == "latency":
        a, b = _name(data, first), _name(data, second)
        header = ["Endpoint", f"{a}: p50 / p99", f"{b}: p50 / p99", "Served by"]
        rows: list[list[str | int]] = []
        for n in _endpoint_names(data, False) + _endpoint_names(data, True):
            e = data.benchmark.requests[n]
            cells = [
                f"{charts.number(e.p50_ms[k].median, 1)} / {charts.number(e.p99_ms[k].median, 1)} ms"
                for k in (first, second)
            ]
            servers = "; ".join(f"{_name(data, k)}: {e.server[k]}" for k in (first, second))
            rows.append([LABELS[n], *cells, servers])
        return _table(header, rows)
    if what == "project":
        rows = []
        for k in (first, second):
            p = data.project[k]
            # Each pin may wrap after its "==" on a phone (macros/text.py).
            rows.append(
                [
                    _name(data, k),
                    ", ".join(text.code(r, breaks=True) for r in p.requirements),
                    p.distributions,
                    f"{p.size_kib / 1024:.1f} MiB",
                ]
            )
        # "Size installed", not "Size in site-packages": that word alone overflowed a phone (issue 23).
        return _table(["Framework", "Installed with", "Distributions", "Size installed"], rows)
    heading, items = _items(data, what)
    return _table(_header(data, heading), _rows(data, items))


TITLES = {
    "startup": "Start-up: a fresh process imports the app and answers one request (lower is better)",
    "memory": "Resident memory of one worker after warm-up (lower is better)",
    "requests": "Requests per second (higher is better)",
    "cpu": "CPU time the server spent per request (lower is better)",
    "latency": "Median latency under load, p50 (lower is better)",
    "admin": "Admin list page: CPU time per page and latency (lower is better)",
    "project": "Size in site-packages of each framework with the add-ons this guide uses (lower is better)",
}
UNITS = {"startup": "ms", "memory": "MiB", "requests": "req/s", "cpu": "ms", "latency": "ms", "admin": "ms"}


def speed_chart(data: Data, what: str) -> str:
    """The same figures as a bar chart (SVG): each bar a median, with a line from the lowest to the highest run."""
    _check(what)
    first, second = _pair(data)
    keys = (first, second)
    if what == "project":
        groups = [
            charts.Group(
                "Installed size of a real project",
                tuple(charts.Bar(_name(data, k), round(data.project[k].size_kib / 1024, 1)) for k in keys),
            )
        ]
        return charts.bar_chart("chart-project", TITLES[what], groups, "MiB", 1)
    _, items = _items(data, what)
    if what == "admin":
        items = [item for item in items if item[2] != "rps"]  # one unit per chart: the times
    groups = [
        charts.Group(label, tuple(charts.Bar(_name(data, k), per[k].median, per[k].min, per[k].max) for k in keys))
        for label, per, _ in items
    ]
    digits = max(KINDS[kind][1] for _, _, kind in items)
    note = "Bars show the median; the line across each bar runs from the lowest to the highest run."
    return charts.bar_chart(f"chart-{what}", TITLES[what], groups, UNITS[what], digits, note)


def _walk(data: Data, key: str) -> tuple[Any, list[str]]:
    root, _, rest = key.partition(".")
    if root != "benchmark":
        raise MacroError(f"figure {key!r}: start with 'benchmark.', 'install.' or 'project.'")
    node: Any = getattr(data, root)
    parts = rest.split(".") if rest else []
    for i, part in enumerate(parts):
        if isinstance(node, BaseModel):
            node = dict(node)
        if isinstance(node, dict) and "/" in part and i == len(parts) - 1:
            return node, parts
        if not (isinstance(node, dict) and part in node):
            known = sorted(node) if isinstance(node, dict) else []
            raise MacroError(f"figure {key!r}: no {part!r} here; there is {known}")
        node = node[part]
    return node, parts


def _kind(parts: list[str]) -> str | None:
    return next((p for p in reversed(parts) if p in KINDS), None)


def figure(data: Data, key: str) -> str:
    """One measured value for prose, by dotted key: the figure's key, then the framework.

    One grammar for every measured value: the key ``compare()`` and decision.yml's
    ``measured:`` take, with the framework added last.
    ``benchmark.startup_ms.smallest.flask`` -> "38 ms";
    ``benchmark.requests.json.rps.flask`` -> "1,234 requests/s";
    ``benchmark.requests.json.rps.flask/django`` -> "1.4×" (the ratio of medians);
    ``install.size.flask`` -> "4.1 MiB" (the framework alone); ``project.size.flask`` ->
    "40.2 MiB" (with this guide's add-ons); ``project.distributions.flask`` -> "23";
    ``install.dependencies.flask`` -> "blinker, click, …"; ``benchmark.machine.cpu`` -> "AMD EPYC".
    """
    root, _, rest = key.partition(".")
    if root in ("install", "project"):
        *field, fw = rest.split(".") if rest else [""]
        table = data.install if root == "install" else data.project
        if fw not in table:
            raise MacroError(
                f"figure {key!r}: name the framework last; data/measured.yml measured {root} for {sorted(table)}"
            )
        value = dict(table[fw])
        name = ".".join(field)
        if name == "size":
            return f"{table[fw].size_kib / 1024:.1f} MiB"
        if name not in value or isinstance(value[name], (BaseModel, dict)):
            shown = ["size", *(k for k in value if k != "size_kib")]
            raise MacroError(f"figure {key!r}: no {name!r} in {root}; there is {shown}")
        return ", ".join(value[name]) if isinstance(value[name], list) else str(value[name])
    node, parts = _walk(data, key)
    last = parts[-1] if parts else ""
    if "/" in last:
        a, _, b = last.partition("/")
        if a not in node or b not in node:
            raise MacroError(f"figure {key!r}: a ratio needs two measured frameworks; there is {sorted(node)}")
        return f"{ratio(node[a], node[b]):.1f}×"
    if isinstance(node, Spread):
        kind = _kind(parts)
        return _value(node, kind) if kind else str(node.median)
    if isinstance(node, (BaseModel, dict, list)):
        raise MacroError(f"figure {key!r} is not a single value; name one of its keys")
    return str(node)


# How compare() says a clear difference, per kind of figure.
PHRASES = {
    "startup_ms": "{w} starts {x}× faster",
    "startup_cpu_ms": "{w} starts with {x}× less CPU time",
    "memory_mib": "{w} uses {x}× less memory",
    "rps": "{w} serves {x}× as many requests a second",
    "p50_ms": "{w} answers with {x}× lower latency",
    "p99_ms": "{w} answers with {x}× lower latency",
    "cpu_ms": "{w} spends {x}× less CPU time per request",
}


def _per_framework(data: Data, key: str, caller: str) -> tuple[dict[str, Spread], str]:
    """The figure at ``key`` for each framework, and its kind; a clear error for any other key."""
    node, parts = _walk(data, key)
    kind = _kind(parts)
    if not (isinstance(node, dict) and kind and all(isinstance(v, Spread) for v in node.values())):
        raise MacroError(
            f"{caller}({key!r}): name a figure measured for each framework, such as "
            "'benchmark.startup_ms.smallest' or 'benchmark.requests.json.rps'"
        )
    return node, kind


# Installed sizes, compared like the benchmark's figures but with one exact number each (no spread).
SIZES = ("install.size", "project.size")


def winner(data: Data, key: str) -> str | None:
    """The framework a figure clearly favours (see :func:`clear`), or None; ``key`` as for
    :func:`compare`, or one of :data:`SIZES` (the smaller wins by more than :data:`MARGIN`)."""
    if key in SIZES:
        first, second = _pair(data)
        table = data.install if key == "install.size" else data.project
        if first not in table or second not in table:
            raise MacroError(f"{key!r}: data/measured.yml has no size for both {first!r} and {second!r}")
        a, b = table[first].size_kib, table[second].size_kib
        low, high = sorted((a, b))
        if high <= low * (1 + MARGIN):
            return None
        return first if a < b else second
    node, kind = _per_framework(data, key, "winner")
    found = difference(data, node, kind)
    return found[0] if found else None


def compare(data: Data, key: str) -> str:
    """A clause for prose that says whatever the data says, numbers included.

    ``compare("benchmark.startup_ms.smallest")`` -> "Flask starts 2.3× faster (38 ms
    against 88 ms for Django; no run overlapped)", or "there is no clear difference
    (38 ms for Flask against 40 ms for Django; the runs overlap or differ by less than 10%)".
    """
    node, kind = _per_framework(data, key, "compare")
    first, second = _pair(data)
    a, b = node[first], node[second]
    found = difference(data, node, kind)
    if found:
        won, times = found
        lost = second if won == first else first
        return (
            PHRASES[kind].format(w=_name(data, won), x=f"{times:.1f}")
            + f" ({_value(node[won], kind)} against {_value(node[lost], kind)} for {_name(data, lost)};"
            " no run overlapped)"
        )
    return (
        f"there is no clear difference ({_value(a, kind)} for {_name(data, first)} against "
        f"{_value(b, kind)} for {_name(data, second)}; the runs overlap or differ by less than {MARGIN:.0%})"
    )


def benchmark_setup(data: Data) -> str:
    """Where and how the figures were measured, as a table: the machine, the method, the versions."""
    bench = data.benchmark
    m, how = bench.machine, bench.method
    versions = ", ".join(f"{name} {version}" for name, version in bench.versions.items())
    rows = [
        ["Measured on", f"{bench.measured.isoformat()}, with `{bench.command}`"],
        ["Processor", f"{m.cpu}, {m.cores} cores{' (a virtual machine)' if m.virtual else ''}"],
        ["Memory and system", f"{m.memory_mib / 1024:.0f} GiB; {m.system}"],
        ["Python", bench.python],
        [
            "Load",
            f"{how.load_generator} {bench.versions.get(how.load_generator, '')}, one thread, "
            f"{how.connections} connections, {how.seconds} s a run, on loopback",
        ],
        [
            "Servers",
            f"{how.workers} workers each: gunicorn {bench.versions.get('gunicorn', '')} (sync workers); "
            f"uvicorn {bench.versions.get('uvicorn', '')} for an async endpoint served by ASGI",
        ],
        [
            "Runs",
            f"{how.runs} per figure after a {how.warmup_seconds} s warm-up; "
            f"start-up: {how.startup_runs} fresh processes after one warm-up",
        ],
        [
            "Machine load",
            f"{how.load_average[0]:.1f} at the start, {how.load_average[1]:.1f} at the end "
            f"(1-minute load average; {m.cores} cores)",
        ],
        ["Versions", versions],
    ]
    return _table(["What", "For the figures on this page"], rows)

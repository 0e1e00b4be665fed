"""Build-time, page-weight and Lighthouse figures for the site, next to bare Material.

    .venv/bin/python tools/bench.py      (or `make bench`)

Prints, in one run:

1. build time of the site and of the same Markdown built as plain Material
   (macros plugin removed, each page replaced by the Markdown the macros
   rendered for it, so both builds make the same HTML), and their ratio;
   the same for a synthetic site ten times larger (every page copied nine times
   under new names), to show how the cost grows with pages; then the site's
   cold and warm build times with MkDocs and with Zensical (`make build-zensical`);
2. the search index's size (raw, gzip -6, as served) and the per-page
   first-visit transfer (gzip) of HTML, CSS, JS and the search index against
   a bare Material page;
3. Lighthouse (mobile preset) scores, median of five runs, for the home
   page, the three heaviest pages (by transfer) and the bare Material page,
   served with gzip by tools/serve.py, side by side at two CPU slowdowns: the
   one calibrated from the host's `benchmarkIndex` (a probe run on the bare
   page before each page records it; Lighthouse's docs/throttling.md, whose
   table this reads in `calibrated_slowdown`), the target, and Lighthouse's
   default 4x; with the index over all runs and the load average. Lighthouse
   is pinned in tools/lighthouse/package.json and installed there with npm
   on first use; where it cannot be, the bench says so and part 2 stands in.

Run one part, or Lighthouse on other pages (see `cli` below):

    make bench BENCH_ARGS="lighthouse"                  home and three heaviest pages
    make bench BENCH_ARGS="lighthouse all --runs 1"     a sweep: every page, one run each
    make bench BENCH_ARGS="lighthouse cookbook/api/"    these pages ("" is home)
    make bench BENCH_ARGS="weight"                      transfer per page only

Targets are printed next to the figures; a missed target is a figure, not a
failure. The exit status is non-zero only when the benchmark cannot run.
The helpers are importable: the browser tests build their reference page with
`write_bare_project` and `build`.

Each section prints its target in its heading. Two are held by tests as
well: the transfer per page (tests/browser/test_layout.py, whose comments give
the allowances) and the search index (tests/site/test_search_index.py). Run
the bench before and after a change that might make pages heavier or builds
slower. How to read a miss:

- A macros overhead above 15% usually means a macro does work on every call that
  it could do once, such as reading a file or loading the data again.
- Growth well above ten times for ten times the pages means some step looks
  at every page for every page; find the loop.
- A page far above bare Material usually carries a new asset: an image that
  could be an SVG or smaller, or a stylesheet or script that now loads on
  every page. Long pages are heavier by their text alone, which is fine.
- Under each Lighthouse score below 100 the output lists the failed audits;
  fix those. Compare with the bare Material page of the same run: a busy
  machine lowers both. Without Chromium or npm the bench prints NOT MEASURED
  and why, and the transfer table stands in.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import assets, llms, topics  # noqa: E402 - after the path fix, for `python tools/bench.py`
from tools import chromium as browser  # noqa: E402
from tools import serve  # noqa: E402

BIN = Path(sys.executable).parent
PREFIX = "/python-web-guide/"
# What a build reads from the repository.
# requirements-test.txt: the Run-it install lines pin test tools (pytest) from it.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data", "examples", "includes", "requirements-test.txt")
# The home page and the three heaviest pages ("heaviest" is found by transfer):
# issue 25 holds home to 100 in performance and every page to 95, at the
# calibrated CPU slowdown.
LIGHTHOUSE_PAGES = ("", "heaviest")
HEAVIEST = 3
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Performance is simulated from one trace and moves a few points between runs
# on a busy machine; the median of five is steadier.
LIGHTHOUSE_RUNS = 5
# Lighthouse's default CPU slowdown (the mobile preset), reported beside the calibrated one.
DEFAULT_SLOWDOWN = 4
# The figures behind the performance score, printed under it: total blocking
# time weighs most and moves most with the machine's load.
LIGHTHOUSE_METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync"
)
# Lighthouse, pinned by the lock file there, installed with `npm ci` on first use.
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


# Projects -----------------------------------------------------------------


def copy_project(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.sqlite3", "staticfiles")
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def drop_plugin(config: str, name: str) -> str:
    """mkdocs.yml text without the `- name:` entry (and its indented settings) under plugins."""
    return re.sub(rf"(?m)^([ \t]*)- {re.escape(name)}:?[ \t]*\n(?:\1 +.*\n|[ \t]*#.*\n)*", "", config)


def drop_nav(config: str) -> str:
    """mkdocs.yml text without its page tree: MkDocs then lists every page it finds."""
    return re.sub(r"(?ms)^nav:\s*\n(?:[ #].*\n|\s*\n)*", "", config)


# A MkDocs hook that writes each page's Markdown as the macros plugin left it
# (front matter restored), so a plain build can start from the same text.
DUMP_HOOK = """\
import os
from pathlib import Path

import yaml

OUT = Path(os.environ["BENCH_DUMP_DIR"])


def on_page_markdown(markdown, page, **kwargs):
    dest = OUT / page.file.src_uri
    dest.parent.mkdir(parents=True, exist_ok=True)
    head = "---\\n" + yaml.safe_dump(page.meta, allow_unicode=True) + "---\\n\\n" if page.meta else ""
    dest.write_text(head + markdown, encoding="utf-8")
    return markdown
"""


def rendered_pages(project: Path, dump: Path, tmp_site: Path) -> Path:
    """Build `project` once with a hook that saves every page after the macros have run."""
    (project / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - bench_dump_hook.py\n", encoding="utf-8")
    os.environ["BENCH_DUMP_DIR"] = str(dump)
    build(project, tmp_site)
    return dump


def make_plain(project: Path, rendered: Path | None = None) -> Path:
    """Turn a copied project into plain Material: no macros plugin. With `rendered`
    (from rendered_pages), every page is replaced by its macro output, so both
    builds turn the same Markdown into the same HTML; without it, template calls
    are blanked."""
    config = project / "mkdocs.yml"
    config.write_text(drop_plugin(config.read_text(encoding="utf-8"), "macros"), encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        done = rendered / page.relative_to(project / "docs") if rendered else None
        if done and done.is_file():
            page.write_text(done.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            page.write_text(TEMPLATE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def scale_pages(project: Path, factor: int) -> int:
    """Copy every page factor-1 times under new names beside it; the nav then lists them all."""
    config = project / "mkdocs.yml"
    config.write_text(drop_nav(config.read_text(encoding="utf-8")), encoding="utf-8")
    pages = [p for p in (project / "docs").rglob("*.md")]
    for page in pages:
        for n in range(1, factor):
            page.with_name(f"{page.stem}_copy{n}.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    return len(pages) * factor


def write_bare_project(dest: Path) -> Path:
    """A one-page site on Material's defaults (system fonts, so nothing is fetched from Google)."""
    (dest / "docs").mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(
        "site_name: Bare Material\n"
        f"site_url: http://127.0.0.1{PREFIX}\n"
        # variant: Zensical's name for Material's look (MkDocs ignores it).
        "theme:\n  name: material\n  font: false\n  variant: classic\n",
        encoding="utf-8",
    )
    add_site_palette(dest / "mkdocs.yml")
    (dest / "docs" / "index.md").write_text(
        "# A bare page\n\nOne paragraph of text on Material's defaults, for comparison.\n",
        encoding="utf-8",
    )
    return dest


def add_site_palette(config: Path) -> None:
    """Give a bare project the site's light and dark palette (theme.palette of mkdocs.yml).

    Material's palette stylesheet comes with any site that offers a dark
    scheme, so it is part of bare Material for a site that must read in dark
    mode, not part of what this site adds.
    """
    import yaml

    site = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"(?m)^  palette:\n(?:(?:    .*)?\n)+", site)
    if not block:
        return
    bare = yaml.safe_load(config.read_text(encoding="utf-8"))
    bare["theme"]["palette"] = yaml.safe_load(textwrap.dedent(block.group(0)))["palette"]
    config.write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")


def build(project: Path, dest: Path, strict: bool = False) -> float:
    """Build `project` into `dest`; returns wall-clock seconds. Raises if the build fails."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1767225600",
        "SITE_URL": f"http://127.0.0.1{PREFIX}",
    }
    cmd = [str(BIN / "mkdocs"), "build", "--clean", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    if strict:
        cmd.insert(3, "--strict")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{proc.stdout}{proc.stderr}")
    return seconds


ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def zensical_run(project: Path, clean: bool = True, **env: str) -> subprocess.CompletedProcess:
    """`zensical build --strict` of `project` into `project`/site, then our assets minified
    and the search index compacted (`python -m macros.assets`), as `make build-zensical` runs it.

    Zensical writes only inside the project (no --site-dir: SITE_DIR is read by
    mkdocs.yml), keeps its cache in `project`/.cache (--clean empties it first,
    for a cold build) and loads macros/ by path, so the project goes on PYTHONPATH.
    """
    if not ZENSICAL.is_file():
        raise RuntimeError(
            f"Zensical is not installed in {ZENSICAL.parent.parent.name}: run `make .venv-zensical/.installed`"
        )
    environ = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1767225600",
        "SITE_URL": f"http://127.0.0.1{PREFIX}",
        **env,
        "SITE_DIR": "site",
        "PYTHONPATH": str(project),
    }
    # Zensical reads the nav before any macro runs: it builds from mkdocs.yml with the Cookbook's groups filled.
    config = topics.write_zensical_config(project)
    cmd = [str(ZENSICAL), "build", "--strict", "-f", config.name] + (["--clean"] if clean else [])
    proc = subprocess.run(cmd, cwd=project, env=environ, capture_output=True, text=True, timeout=900)
    if proc.returncode == 0:
        # What MkDocs's on_post_build hook does, and Zensical 0.0.73 does not run.
        assets.main([str(project / "site"), str(project / "docs")])
        llms.write(project / "site", project, llms.read_config(project, environ))
    return proc


def timed_zensical(project: Path, clean: bool) -> float:
    start = time.perf_counter()
    proc = zensical_run(project, clean)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"Zensical build of {project} failed:\n{proc.stdout}{proc.stderr}")
    return seconds


def best_of(runs: int, project: Path, dest: Path) -> float:
    return min(build(project, dest) for _ in range(runs))


# Page weight --------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])


def gz_size(path: Path) -> int:
    return len(serve.gzipped(path))


@dataclass
class Weight:
    html: int
    css: int
    js: int
    # The search index, where a first visit downloads it: a page of this site
    # holds it until the reader opens search (overrides/main.html), so 0 there.
    index: int = 0
    # The search index a page's search downloads once the reader opens it.
    on_search: int = 0

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.index


def search_index_file(site: Path) -> Path | None:
    """The built search index: MkDocs's search/search_index.json or Zensical's search.json."""
    for name in ("search/search_index.json", "search.json"):
        if (site / name).is_file():
            return site / name
    return None


def index_sizes(site: Path) -> tuple[int, int, int]:
    """The search index's bytes: raw, gzip level 6 (tests/site/test_search_index.py's budget)
    and as tools/serve.py sends it."""
    import gzip

    path = search_index_file(site)
    if path is None:
        return 0, 0, 0
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, 6)), gz_size(path)


def page_weight(site: Path, page: str, prefix: str = PREFIX) -> Weight:
    """Gzip bytes of a page's HTML, the stylesheets it links and the scripts it loads
    (Material's search worker included), as tools/serve.py would send them; and the
    search index's, on the first visit unless the page holds it until search opens
    (the inline script marked ``data-search-on-demand``, overrides/main.html)."""
    html_file = site / page / "index.html" if not page.endswith(".html") else site / page
    html = html_file.read_text(encoding="utf-8")
    parser = _Assets()
    parser.feed(html)
    worker = re.search(r'"search":\s*"([^"]+\.js)"', html)
    base = f"http://x{prefix}{page}"

    def local(href: str) -> Path | None:
        path = urlsplit(urljoin(base, href)).path
        return site / path[len(prefix) :] if path.startswith(prefix) else None

    css = sum(gz_size(p) for p in map(local, parser.css) if p and p.is_file())
    js_refs = parser.js + ([worker.group(1)] if worker else [])
    js = sum(gz_size(p) for p in map(local, js_refs) if p and p.is_file())
    index = search_index_file(site)
    searched = gz_size(index) if worker and index else 0
    first = 0 if "<script data-search-on-demand>" in html else searched
    return Weight(gz_size(html_file), css, js, first, searched)


def site_pages(site: Path, prefix: str = PREFIX) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [urlsplit(loc).path[len(prefix) :] for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def heaviest_pages(site: Path, count: int = HEAVIEST) -> list[str]:
    """The `count` pages with the most bytes to transfer, heaviest first."""
    return sorted(site_pages(site), key=lambda p: -page_weight(site, p).total)[:count]


def calibrated_slowdown(benchmark_index: float) -> int:
    """The CPU slowdown that makes this host emulate a mid-tier phone, from the
    `benchmarkIndex` Lighthouse records (its docs/throttling.md, "Calibrating the CPU
    slowdown": a low-end desktop, 1000-1500, needs 2x; a high-end desktop, 1500-2000,
    4x). Above 2000 the same ratio holds, about 500 index points per 1x (2,300: 5x);
    below 1000 a host is slower than the table's desktops and stays at 2x, the least the
    table gives a desktop."""
    if benchmark_index < 1500:
        return 2
    if benchmark_index < 2000:
        return 4
    return min(10, round(benchmark_index / 500))


# Lighthouse ---------------------------------------------------------------


def calibrated_runs(run, count: int, slowdown: int | None, retries: int = 2) -> tuple[list[dict], int]:
    """`count` results of `run()`; with `slowdown` (a calibrated one), a run whose own
    benchmarkIndex calls for another slowdown (the host got busier or quieter during
    it) is measured again, up to `retries` times per run, and kept as it is after that.
    Returns the results and how many runs were measured again."""
    results, again = [], 0
    for _ in range(count):
        result = run()
        for _ in range(retries if slowdown else 0):
            index = result["benchmark_index"]
            if not index or calibrated_slowdown(index) == slowdown:
                break
            again += 1
            result = run()
        results.append(result)
    return results, again


def median_known(values: list) -> int | float | str:
    """The median of the values Lighthouse reported (None: an audit it did not run), or "-"."""
    known = sorted(v for v in values if v is not None)
    return known[len(known) // 2] if known else "-"


def metric_line(results: list[dict]) -> str:
    """The medians of the performance metrics over `results`, and each run's TBT (it varies most)."""
    parts = []
    for name in LIGHTHOUSE_METRICS:
        median = median_known([r["metrics"].get(name) for r in results])
        if median == "-":
            continue
        parts.append(f"{name} {median:.3f}" if name == "CLS" else f"{name} {median:,.0f} ms")
    tbt = [r["metrics"].get("TBT") for r in results]
    runs = ", ".join("-" if v is None else f"{v:.0f}" for v in tbt)
    return f"median {' · '.join(parts)}; TBT per run: {runs} ms"


def chromium() -> str | None:
    return browser.find()


def lighthouse_bin() -> tuple[Path | None, str]:
    """tools/lighthouse/node_modules/.bin/lighthouse, installed with `npm ci` on first use;
    else None and why, in words a reader can act on."""
    exe = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if exe.exists():
        return exe, ""
    if not shutil.which("npm"):
        return None, "npm is not installed (Debian: apt-get install npm)"
    print("  installing Lighthouse into tools/lighthouse/ (npm ci, first run only) ...", flush=True)
    try:
        proc = subprocess.run(
            [
                "npm",
                "ci",
                "--prefix",
                str(LIGHTHOUSE_DIR),
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
    except subprocess.TimeoutExpired:
        return None, "`npm ci` in tools/lighthouse/ did not finish in 15 minutes"
    if proc.returncode != 0 or not exe.exists():
        return None, f"`npm ci` in tools/lighthouse/ failed: {(proc.stderr or proc.stdout).strip()[-400:]}"
    return exe, ""


def lighthouse(url: str, exe: Path, chrome: str, out: Path, slowdown: float = DEFAULT_SLOWDOWN) -> dict:
    """Scores (0-100) per category, the titles of failed, weighted audits, the metrics,
    and the host's `benchmarkIndex` Lighthouse recorded, at CPU slowdown `slowdown`."""
    cmd = [
        str(exe),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--throttling.cpuSlowdownMultiplier={slowdown}",
    ]
    proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr[-800:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    metrics = {name: report["audits"].get(audit, {}).get("numericValue") for name, audit in LIGHTHOUSE_METRICS.items()}
    scores, failed = {}, []
    for key, cat in report["categories"].items():
        scores[key] = None if cat["score"] is None else round(cat["score"] * 100)
        for ref in cat["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{key}: {ref['id']} ({audit.get('displayValue') or audit.get('title')})")
    index = (report.get("environment") or {}).get("benchmarkIndex")
    return {"scores": scores, "failed": failed, "metrics": metrics, "benchmark_index": index}


# Report -------------------------------------------------------------------


def kib(n: int) -> str:
    return f"{n / 1024:6.1f} KiB"


def section(title: str) -> None:
    print(f"\n== {title}")


def bench_builds(tmp: Path) -> None:
    section("Build time (best of 2; target: macros add at most 15%, growth linear in pages)")
    print("  plain Material = the same pages as the macros rendered them, built without the plugin")
    rendered = rendered_pages(copy_project(tmp / "dump-project"), tmp / "rendered", tmp / "dump-site")
    rows = []
    for factor in (1, 10):
        macro_proj = copy_project(tmp / f"macros-x{factor}")
        plain_proj = make_plain(copy_project(tmp / f"plain-x{factor}"), rendered)
        if factor > 1:
            pages = scale_pages(macro_proj, factor)
            scale_pages(plain_proj, factor)
        else:
            pages = len(list((macro_proj / "docs").rglob("*.md")))
        runs = 2
        with_macros = best_of(runs, macro_proj, tmp / f"out-macros-x{factor}")
        plain = best_of(runs, plain_proj, tmp / f"out-plain-x{factor}")
        rows.append((factor, pages, with_macros, plain))
    print(f"  {'site':<14}{'pages':>6}{'with macros':>14}{'plain Material':>16}{'ratio':>8}")
    for factor, pages, with_macros, plain in rows:
        label = "real" if factor == 1 else f"synthetic x{factor}"
        print(f"  {label:<14}{pages:>6}{with_macros:>12.2f} s{plain:>14.2f} s{with_macros / plain:>8.2f}")
    (f1, p1, m1, b1), (f10, p10, m10, b10) = rows
    print(f"  macros overhead: {100 * (m1 / b1 - 1):+.0f}% (x1), {100 * (m10 / b10 - 1):+.0f}% (x10); target <= +15%")
    print(
        f"  growth for {p10 / p1:.0f}x pages: with macros {m10 / m1:.1f}x, plain {b10 / b1:.1f}x "
        f"(linear would be {p10 / p1:.0f}x; a fixed start-up cost makes it less)"
    )
    per_page_m, per_page_b = (m10 - m1) / (p10 - p1), (b10 - b1) / (p10 - p1)
    print(
        f"  cost of one more page: with macros {1000 * per_page_m:.0f} ms, plain {1000 * per_page_b:.0f} ms; "
        f"fixed start-up: with macros {m1 - per_page_m * p1:.2f} s, plain {b1 - per_page_b * p1:.2f} s"
    )


def bench_engines(tmp: Path, runs: int = 3) -> None:
    section(f"Build time by engine, the same source (best of {runs})")
    print("  cold: a fresh process and no cache; warm: built again, nothing changed")
    project = copy_project(tmp / "engines")
    mkdocs = [build(project, tmp / "engines-mkdocs", strict=True) for _ in range(runs + 1)]
    print(f"  {'engine':<34}{'cold':>9}{'warm':>9}")
    # MkDocs keeps no cache: every build is a full one, so cold is the first run, warm the best of the rest.
    print(
        f"  {'MkDocs ' + package_version('mkdocs') + ' + Material ' + material_version():<34}"
        f"{mkdocs[0]:>7.2f} s{min(mkdocs[1:]):>7.2f} s"
    )
    if not ZENSICAL.is_file():
        print("  Zensical: not installed (make .venv-zensical/.installed)")
        return
    try:
        cold = min(timed_zensical(project, clean=True) for _ in range(runs))
        warm = min(timed_zensical(project, clean=False) for _ in range(runs))
    except RuntimeError as exc:
        print(f"  Zensical: failed: {exc}")
        return
    version = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"  {'Zensical ' + version:<34}{cold:>7.2f} s{warm:>7.2f} s")
    print(
        "  Zensical's warm build reuses .cache/; a change under watch: (data/, examples/, macros/) "
        "makes the next one cold"
    )


def bench_weight(site: Path, bare: Path) -> None:
    raw, level6, served = index_sizes(site)
    index = search_index_file(site)
    section("Search index (target: at most 40 KiB at gzip level 6; tests/site/test_search_index.py)")
    print(
        f"  {index.relative_to(site) if index and raw else '(none)'}: {kib(raw).strip()} raw, "
        f"{kib(level6).strip()} at gzip -6, {kib(served).strip()} as tools/serve.py sends it"
    )
    section(
        "First-visit transfer per page, gzip (target: bare Material + the page's own HTML + 25 KiB; "
        "CSS and JS alone: + 3 KiB)"
    )
    ref = page_weight(bare, "")
    # "index": the search index a first visit downloads; the pages hold it until search opens.
    print(f"  {'page':<32}{'HTML':>11}{'CSS':>11}{'JS':>11}{'index':>11}{'total':>11}{'over':>11}")
    print(
        f"  {'(bare Material page)':<32}{kib(ref.html)}{kib(ref.css)}{kib(ref.js)}{kib(ref.index)}"
        f"{kib(ref.total)}{'':>11}"
    )
    totals = []
    for page in site_pages(site):
        w = page_weight(site, page)
        totals.append(w.total)
        # What the page's first visit weighs beyond bare Material's and its own HTML.
        over = w.total - w.html - (ref.total - ref.html)
        print(f"  {page or '(home)':<32}{kib(w.html)}{kib(w.css)}{kib(w.js)}{kib(w.index)}{kib(w.total)}{kib(over)}")
    if totals:
        mean = sum(totals) / len(totals)
        print(
            f"  mean of {len(totals)} pages: {kib(int(mean)).strip()} ({100 * (mean / ref.total - 1):+.0f}% vs bare); "
            "CSS, JS and the index are shared and cached after the first page"
        )
        deferred = [p for p in site_pages(site) if (w := page_weight(site, p)).on_search and not w.index]
        if deferred:
            print(
                f"  {len(deferred)} of {len(totals)} pages download the search index "
                f"({kib(page_weight(site, deferred[0]).on_search).strip()}) only when the reader opens search"
            )
        print(
            "  'over' includes a page's own stylesheet or script (home.css, decision.js); "
            "tests/browser/test_layout.py holds CSS and JS to 3 KiB over"
        )


def load_average() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPU(s)"


def bench_lighthouse(
    site: Path, bare: Path, tmp: Path, pages: list[str] | None = None, runs_per_page: int = LIGHTHOUSE_RUNS
) -> bool:
    """Print Lighthouse's scores for `pages` (LIGHTHOUSE_PAGES; "all" is every page, "heaviest"
    the HEAVIEST heaviest pages) and the bare page, at the CPU slowdown calibrated from this
    host's benchmarkIndex and at Lighthouse's default 4x, side by side; False when Lighthouse
    could not run."""
    pages = list(LIGHTHOUSE_PAGES if pages is None else pages)
    if pages == ["all"]:
        pages = site_pages(site)
    pages = list(dict.fromkeys(q for p in pages for q in (heaviest_pages(site) if p == "heaviest" else [p])))
    chrome = chromium()
    if not chrome:
        section("Lighthouse")
        print(
            "  NOT MEASURED: no Chromium (apt-get install chromium, or set CHROMIUM_PATH); "
            "the transfer per page stands in for it"
        )
        return False
    exe, why = lighthouse_bin()
    if not exe:
        section("Lighthouse")
        print(f"  NOT MEASURED: Lighthouse could not be installed: {why}.\n  The transfer per page stands in for it.")
        return False
    server, url = serve.start(site, prefix=PREFIX)
    bare_server, bare_url = serve.start(bare, prefix=PREFIX)
    try:
        section(
            f"Lighthouse, mobile preset, served with gzip, median of {runs_per_page} run(s) "
            f"(target at the calibrated slowdown: performance 100 on home, 95 on every page; 100 in the others)"
        )
        print(
            f"  load average at the start {load_average()}. Before each page a probe run on the bare page "
            "records the host's benchmarkIndex, and the calibrated slowdown is read from it "
            "(Lighthouse's docs/throttling.md); the default 4x is measured beside it"
        )
        width = max(22, *(len(p) + 2 for p in pages))
        head = "".join(f"{c[:4]} {s}".rjust(10) for s in ("cal", "4x") for c in LIGHTHOUSE_CATEGORIES)
        print(f"  {'page':<{width}}{'index':>7}{'cal':>5}{head}")
        runs = [(page or "(home)", url + page) for page in pages]
        runs.append(("(bare Material page)", bare_url))
        indexes = []
        for label, address in runs:
            try:
                probe = lighthouse(bare_url, exe, chrome, tmp / "lighthouse.json")["benchmark_index"] or 0
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                print(f"  {label:<{width}}failed: {exc}")
                continue
            slowdown = calibrated_slowdown(probe) if probe else DEFAULT_SLOWDOWN
            cells, notes, done = "", [], {}
            for s in (slowdown, DEFAULT_SLOWDOWN):
                if s not in done:
                    try:
                        done[s], retried = calibrated_runs(
                            lambda s=s, address=address: lighthouse(address, exe, chrome, tmp / "lighthouse.json", s),
                            runs_per_page,
                            s if s == slowdown and probe else None,
                        )
                    except (RuntimeError, subprocess.TimeoutExpired) as exc:
                        done[s], retried = [], 0
                        notes.append(f"{s}x: {exc}")
                    if retried:
                        notes.append(
                            f"{s}x: {retried} run(s) measured again: its benchmarkIndex called for another slowdown"
                        )
                    results = done[s]
                    indexes += [r["benchmark_index"] for r in results if r["benchmark_index"]]
                    if results:
                        each = ", ".join(f"{r['benchmark_index'] or 0:,.0f}" for r in results)
                        notes.append(f"{s}x: {metric_line(results)}; benchmarkIndex per run: {each}")
                        notes += [
                            f"{s}x below 100 in some run: {item}"
                            for item in sorted({item for r in results for item in r["failed"]})
                        ]
                results = done[s]
                scores = {c: median_known([r["scores"].get(c) for r in results]) for c in LIGHTHOUSE_CATEGORIES}
                cells += "".join(f"{scores[c]!s:>10}" for c in LIGHTHOUSE_CATEGORIES)
            print(f"  {label:<{width}}{probe:>7,.0f}{f'{slowdown}x':>5}{cells}", flush=True)
            for note in notes:
                print(f"      {note}")
        if indexes:
            print(
                f"  benchmarkIndex over all runs: median {median_known(indexes):,.0f} "
                f"(min {min(indexes):,.0f}, max {max(indexes):,.0f}); load average at the end {load_average()}"
            )
    finally:
        serve.stop(server)
        serve.stop(bare_server)
    return True


def bench_check() -> int:
    """`make check`'s wall time, with the CPU it used and the load it ran under (issue 26: 60 s on 2 idle cores)."""
    import resource

    section("The fast loop: make check")
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(
        ["make", "--no-print-directory", "check"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = next((line for line in reversed(done.stdout.splitlines()) if " in " in line and "passed" in line), "")
    print(
        f"  wall {wall:.0f} s, CPU {cpu:.0f} s, on {os.cpu_count()} CPU(s); load average at the start {load:.2f} "
        "(target: 60 s on 2 idle cores)"
    )
    print(f"  {summary.strip('= ') or 'no test summary'}" + ("" if done.returncode == 0 else "; make check FAILED"))
    return 0  # make bench prints, never fails


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            site, bare = build_pair(tmp)
        except RuntimeError as exc:
            print(f"error: cannot build: {exc}", file=sys.stderr)
            return 1
        print(f"Benchmark of {ROOT.name}: Material {material_version()}, on {os.cpu_count()} CPU(s)")
        bench_builds(tmp)
        bench_engines(tmp)
        bench_weight(site, bare)
        bench_lighthouse(site, bare, tmp)
    print("\n(make check's own time, which takes about a minute more: make bench BENCH_ARGS=check)")
    return 0


def build_pair(tmp: Path, engine: str = "mkdocs") -> tuple[Path, Path]:
    """The site and a bare one-page site (write_bare_project), both built by `engine` under `tmp`:
    MkDocs + Material (what Pages publishes), or Zensical (`make build-zensical`), whose theme
    bundle is the one Material's authors announce as its successor. Raises if a build fails."""
    if engine == "mkdocs":
        site, bare = tmp / "site", tmp / "bare-site"
        build(ROOT, site, strict=True)
        build(write_bare_project(tmp / "bare"), bare)
        return site, bare
    projects = copy_project(tmp / "project"), write_bare_project(tmp / "bare")
    for project in projects:
        timed_zensical(project, clean=True)
    return projects[0] / "site", projects[1] / "site"


def material_version() -> str:
    return package_version("mkdocs-material")


def package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def cli(argv: list[str]) -> int:
    """`tools/bench.py` runs everything (main); `tools/bench.py weight` the transfer table alone;
    `make bench BENCH_ARGS="weight"` the same;
    `tools/bench.py lighthouse [PAGE ...|all] [--runs N] [--engine zensical]` Lighthouse alone
    (and the transfer table in its place when Lighthouse cannot run), on MkDocs's build or
    Zensical's;
    `tools/bench.py check` (`make bench BENCH_ARGS=check`) times `make check`, with its CPU and the load."""
    import argparse
    import shlex

    # `make bench BENCH_ARGS="..."`: make passes a variable set on its command line in the environment.
    argv = argv or shlex.split(os.environ.get("BENCH_ARGS", ""))
    if not argv:
        return main()

    parser = argparse.ArgumentParser(prog="tools/bench.py", description=cli.__doc__)
    parser.add_argument("part", choices=("weight", "lighthouse", "check"))
    parser.add_argument("pages", nargs="*", help='Lighthouse pages: paths ("" is home, "heaviest"), or "all"')
    parser.add_argument("--runs", type=int, default=LIGHTHOUSE_RUNS, help="Lighthouse runs per page (median shown)")
    parser.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the engine that builds the pages measured, and the bare page beside them",
    )
    args = parser.parse_args(argv)
    if args.part == "check":
        return bench_check()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            site, bare = build_pair(tmp, args.engine)
            print(f"Pages built by {args.engine}")
        except RuntimeError as exc:
            print(f"error: cannot build: {exc}", file=sys.stderr)
            return 1
        if args.part == "weight" or not bench_lighthouse(site, bare, tmp, args.pages or None, args.runs):
            bench_weight(site, bare)
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))

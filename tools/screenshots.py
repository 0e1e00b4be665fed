"""Screens of the running example apps for the admin and API pages: `make screenshots`.

Each app is started the way its page's "Run it" section starts it (Django's
runserver, `flask run`), on a free port and a scratch database holding the
fixed rows below, and opened in Chromium (Debian's /usr/bin/chromium unless
CHROMIUM_PATH names another, launched like the browser tests launch it) at a
fixed viewport, in UTC, with animations off. Every colour scheme the app
honours is taken: Django's admin follows prefers-color-scheme, so it gets a
light and a dark screen; Flask-Admin's default Bootstrap 4 theme and Swagger
UI 5.31 (whose dark styles only a class turns on) ignore it, so they get a
light one only.

The images are palette PNGs (256 colours, no dithering: interface colours
are flat) in docs/assets/screens/<topic>/, and manifest.json beside them
records, for each image, what determined it: the SHA-256 of every example
file and of this tool, and the pinned version of every package it draws.
tests/site/test_screens.py recomputes those with `inputs()` (no browser,
no server) and fails, naming the changed input, when the images are stale.

Swagger UI: both apps' docs pages load Swagger UI from jsDelivr
(swagger-ui-dist@5). Nothing here leaves the machine: those requests are
answered from the copy of Swagger UI 5 that django-ninja ships in its
package, and every other request to another host is refused.

    .venv/bin/python tools/screenshots.py            # take them all
    .venv/bin/python tools/screenshots.py --check    # stale or missing ones, no browser
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python tools/screenshots.py`
    sys.path.insert(0, str(ROOT))

from tools import chromium, processes  # noqa: E402 - after the path fix

EXAMPLES = ROOT / "examples"
SCREENS_DIR = ROOT / "docs" / "assets" / "screens"
MANIFEST = SCREENS_DIR / "manifest.json"
PIN_FILES = ("examples/requirements.txt", "examples/requirements-common.txt")

# A laptop-sized window: wide enough for each app's desktop layout, narrow
# enough that the page's content column shows its text at three quarters size.
VIEWPORT = {"width": 1000, "height": 625}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--font-render-hinting=none",
]

PASSWORD = "screenshots-only-passphrase"  # a throwaway scratch database's admin
ARTICLES = [  # (title, author, status, published_on)
    ("Flask in a weekend", "Ada Lovelace", "published", "2026-03-01"),
    ("Django's admin, a tour", "Grace Hopper", "published", "2026-02-14"),
    ("Migrations without fear", "Alan Turing", "draft", None),
    ("Ten template tricks", "Katherine Johnson", "draft", None),
]
BODY = "What the first weekend with Flask taught us about small apps."


@dataclass(frozen=True)
class Screen:
    file: str  # under docs/assets/screens/
    app: str  # a key of APPS
    path: str  # the URL path opened
    schemes: tuple[str, ...]  # ("light", "dark") where the app honours prefers-color-scheme


@dataclass(frozen=True)
class App:
    files: tuple[str, ...]  # example files (globs under examples/) that shape its pages
    packages: tuple[str, ...]  # pinned distributions whose templates and styles it draws


APPS = {
    "django-admin": App(
        ("admin/django_app/*.py", "admin/django_app/migrations/*.py", "project/settings.py", "project/urls.py"),
        ("Django",),
    ),
    "flask-admin": App(
        ("admin/flask_app.py", "admin/flask_models.py"),
        ("Flask", "Flask-Admin", "Flask-Babel", "Flask-SQLAlchemy", "Flask-WTF", "WTForms"),
    ),
    "django-api": App(
        ("api_frameworks/django_app/*.py", "api_frameworks/django_app/migrations/*.py", "project/urls.py"),
        ("Django", "django-ninja", "pydantic"),
    ),
    "flask-api": App(
        ("api_frameworks/flask_*.py",),
        # The Swagger UI drawn is django-ninja's copy (see the module docstring).
        ("Flask", "flask-smorest", "apispec", "marshmallow", "django-ninja"),
    ),
}

SCREENS = [
    Screen("admin/django-list-{scheme}.png", "django-admin", "/admin/admin_demo/article/", ("light", "dark")),
    Screen("admin/django-form-{scheme}.png", "django-admin", "/admin/admin_demo/article/1/change/", ("light", "dark")),
    Screen("admin/flask-list-{scheme}.png", "flask-admin", "/admin/article/", ("light",)),
    Screen("admin/flask-form-{scheme}.png", "flask-admin", "/admin/article/edit/?id=1", ("light",)),
    Screen("api_frameworks/django-ninja-docs-{scheme}.png", "django-api", "/api_frameworks/api/docs", ("light",)),
    Screen("api_frameworks/flask-smorest-docs-{scheme}.png", "flask-api", "/api/docs", ("light",)),
]


def image_files() -> list[tuple[Screen, str, str]]:
    """(screen, scheme, file under docs/assets/screens/) for every image the tool makes."""
    return [(s, scheme, s.file.format(scheme=scheme)) for s in SCREENS for scheme in s.schemes]


# What determines a screen ---------------------------------------------------


def pins() -> dict[str, str]:
    """Distribution name (lower case) -> its `name==version` line in the examples' requirement files."""
    found = {}
    for name in PIN_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                found[line.split("==", 1)[0].strip().lower()] = line
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs(app_name: str) -> dict[str, str]:
    """Each input of an app's screens -> its SHA-256 (files) or its pinned `name==version` (packages)."""
    app = APPS[app_name]
    found = {"tools/screenshots.py": sha256(Path(__file__).resolve())}
    for pattern in app.files:
        matches = sorted(EXAMPLES.glob(pattern))
        if not matches:
            raise FileNotFoundError(
                f"tools/screenshots.py: APPS[{app_name!r}] names examples/{pattern}, "
                "which matches no file: correct the pattern"
            )
        for path in matches:
            found[path.relative_to(ROOT).as_posix()] = sha256(path)
    pinned = pins()
    for package in app.packages:
        if package.lower() not in pinned:
            raise KeyError(
                f"tools/screenshots.py: APPS[{app_name!r}] draws {package}, which "
                f"{' and '.join(PIN_FILES)} do not pin: pin it or drop it from the list"
            )
        found[f"pin:{package}"] = pinned[package.lower()]
    return found


def manifest() -> dict[str, dict[str, str]]:
    """The manifest as it should read now: image file -> its inputs."""
    return {file: inputs(screen.app) for screen, _, file in image_files()}


def stale() -> list[str]:
    """One line per image that is missing or whose inputs changed since it was taken."""
    recorded = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else {}
    problems = []
    for file, wanted in manifest().items():
        if not (SCREENS_DIR / file).is_file():
            problems.append(f"docs/assets/screens/{file} is missing")
            continue
        had = recorded.get(file)
        if had is None:
            problems.append(f"docs/assets/screens/{file} is not in manifest.json")
            continue
        changed = sorted(k for k in wanted.keys() | had.keys() if wanted.get(k) != had.get(k))
        if changed:
            problems.append(f"docs/assets/screens/{file} was taken before a change to {', '.join(changed)}")
    for file in sorted(recorded.keys() - manifest().keys()):
        problems.append(f"docs/assets/screens/manifest.json lists {file}, which the tool no longer takes")
    return problems


# Starting the apps -----------------------------------------------------------


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode:
        sys.exit(f"tools/screenshots.py: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")


@contextlib.contextmanager
def serving(command: list[str], url: str, env: dict[str, str]) -> Iterator[None]:
    """Run a server in examples/ until the `with` block ends, once `url` answers (tools/processes.py)."""
    try:
        with processes.serving(command, url, env, EXAMPLES):
            yield
    except processes.NoAnswer as exc:
        sys.exit(f"tools/screenshots.py: {exc}")


def base_env(scratch: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONDONTWRITEBYTECODE": "1",
        "TZ": "UTC",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # project/settings.py has no default key; a throwaway one for the shots
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_hex(32))
    env["DJANGO_DB"] = str(scratch / "django.sqlite3")
    return env


DJANGO_ROWS = """
import datetime
from admin.django_app.models import Article
for title, author, status, day in {rows!r}:
    Article.objects.create(title=title, author=author, status=status, body={body!r},
                           published_on=day and datetime.date.fromisoformat(day))
"""

FLASK_ROWS = """
import datetime, sys
from admin.flask_app import create_app
from admin.flask_models import Article, db
app = create_app()
with app.app_context():
    for title, author, status, day in {rows!r}:
        db.session.add(Article(title=title, author=author, status=status, body={body!r},
                               published_on=day and datetime.date.fromisoformat(day)))
    db.session.commit()
"""


@contextlib.contextmanager
def django_server(scratch: Path) -> Iterator[str]:
    """The examples project under runserver, migrated, with a superuser and the fixed rows."""
    env = base_env(scratch)
    python = sys.executable
    run([python, "manage.py", "migrate", "--noinput"], env)
    run(
        [python, "manage.py", "createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.com"],
        {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
    )
    run([python, "manage.py", "shell", "-c", DJANGO_ROWS.format(rows=ARTICLES, body=BODY)], env)
    port = processes.free_port()
    # DJANGO_DEBUG=1, as the admin page's Run it says: runserver then serves the admin's CSS.
    command = [python, "manage.py", "runserver", str(port), "--noreload"]
    with serving(command, f"http://127.0.0.1:{port}/admin/login/", {**env, "DJANGO_DEBUG": "1"}):
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def flask_server(scratch: Path, module: str, rows: bool) -> Iterator[str]:
    from werkzeug.security import generate_password_hash

    env = base_env(scratch)
    env.update(
        FLASK_SECRET_KEY="screenshots-only-not-secret",
        FLASK_ADMIN_PASSWORD_HASH=generate_password_hash(PASSWORD),
        FLASK_SQLALCHEMY_DATABASE_URI=f"sqlite:///{scratch / (module + '.sqlite3')}",
    )
    flask = str(Path(sys.executable).parent / "flask")
    if rows:
        run([flask, "--app", module, "init-db"], env)
        run([sys.executable, "-c", FLASK_ROWS.format(rows=ARTICLES, body=BODY)], env)
    port = processes.free_port()
    with serving([flask, "--app", module, "run", "--port", str(port)], f"http://127.0.0.1:{port}/", env):
        yield f"http://127.0.0.1:{port}"


# Taking and storing the screens ----------------------------------------------

FRAME = (136, 136, 136)  # a mid grey: visible on Material's white and on its slate
SWAGGER_CDN = re.compile(r"https://cdn\.jsdelivr\.net/npm/swagger-ui-dist@5[.0-9]*/(.+)")
STILL = (
    "*, *::before, *::after { animation: none !important; transition: none !important; "
    "caret-color: transparent !important; }"
)


def ninja_static() -> Path:
    # Found, not imported: importing ninja reads Django's settings.
    spec = importlib.util.find_spec("ninja")
    if spec is None or spec.origin is None:
        sys.exit("django-ninja is not installed: run `make serve` (it installs examples/requirements*.txt)")
    return Path(spec.origin).parent / "static" / "ninja"


def route_offline(route) -> None:
    """Answer jsDelivr's Swagger UI from django-ninja's copy; refuse every other host but ours.

    Flask's docs page pins a newer Swagger UI than ninja's copy and names each file's
    integrity hash, so the copy would be refused: the page is served here without the
    hashes (what it shows is the same; the example tests hold the hashes)."""
    url = route.request.url
    if url.startswith("http://127.0.0.1:"):
        if route.request.resource_type != "document" or route.request.method != "GET":
            return route.continue_()
        response = route.fetch(max_redirects=0)
        body = re.sub(rb'\s+integrity="[^"]*"', b"", response.body())
        return route.fulfill(response=response, body=body)
    match = SWAGGER_CDN.match(url)
    if match:
        name = match.group(1).split("?", 1)[0]
        local = ninja_static() / name
        if local.is_file():
            kind = "text/css" if name.endswith(".css") else "text/javascript"
            return route.fulfill(status=200, body=local.read_bytes(), content_type=kind)
        if name == "swagger-ui-standalone-preset.js":  # loaded by flask-smorest, unused by its config
            return route.fulfill(status=200, body=b"", content_type="text/javascript")
    return route.abort()


def optimise(png: bytes) -> tuple[bytes, tuple[int, int]]:
    """The screen, less any empty window below the app's content (a 24 px margin stays), framed
    by a 1 px grey line so a light screen stands out on a light page, as a 256-colour palette
    PNG (no dithering: interface colours are flat) compressed as hard as zlib goes."""
    from PIL import Image, ImageChops, ImageDraw

    image = Image.open(io.BytesIO(png)).convert("RGB")
    background = Image.new("RGB", image.size, image.getpixel((image.width - 1, image.height - 1)))
    content = ImageChops.difference(image, background).getbbox()
    if content:
        image = image.crop((0, 0, image.width, min(image.height, content[3] + 24)))
    ImageDraw.Draw(image).rectangle((0, 0, image.width - 1, image.height - 1), outline=FRAME)
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue(), image.size


def chromium_path(playwright) -> str:
    """The Chromium to drive (tools/chromium.py's order, as the browser tests use it)."""
    found = chromium.find(playwright)
    if found is None:
        sys.exit(f"tools/screenshots.py: {chromium.MISSING}")
    return found


def sign_in(page, base: str, app: str) -> None:
    if app == "django-admin":
        page.goto(base + "/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(base + "/admin/")


def shoot(browser, base: str, app: str, todo: list[tuple[Screen, str, str]]) -> dict[str, int]:
    sizes = {}
    for scheme in ("light", "dark"):
        mine = [(s, f) for s, sc, f in todo if sc == scheme]
        if not mine:
            continue
        context = browser.new_context(
            viewport=VIEWPORT,
            device_scale_factor=1,
            color_scheme=scheme,
            timezone_id="UTC",
            locale="en-US",
            reduced_motion="reduce",
            http_credentials={"username": "admin", "password": PASSWORD} if app == "flask-admin" else None,
        )
        # Django's admin: the model list on the left closed, so the screen shows the page itself.
        context.add_init_script("localStorage.setItem('django.admin.navSidebarIsOpen', 'false')")
        context.route("**/*", route_offline)
        page = context.new_page()
        sign_in(page, base, app)
        for screen, file in mine:
            page.goto(base + screen.path)
            page.wait_for_load_state("networkidle")
            if app.endswith("-api"):
                page.wait_for_selector(".opblock")
            page.add_style_tag(content=STILL)
            page.evaluate("document.fonts.ready")
            png, size = optimise(page.screenshot(animations="disabled"))
            target = SCREENS_DIR / file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
            sizes[file] = len(png)
            print(
                f"docs/assets/screens/{file}: {len(png) / 1024:.1f} KiB, "
                f'{{ width="{size[0]}" height="{size[1]}" loading="lazy" }}'
            )
        context.close()
    return sizes


def take() -> None:
    from playwright.sync_api import sync_playwright

    by_app: dict[str, list] = {}
    for item in image_files():
        by_app.setdefault(item[0].app, []).append(item)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp, sync_playwright() as p:
        scratch = Path(tmp)
        browser = p.chromium.launch(executable_path=chromium_path(p), args=LAUNCH_ARGS)
        try:
            with django_server(scratch) as base:
                shoot(browser, base, "django-admin", by_app["django-admin"])
                shoot(browser, base, "django-api", by_app["django-api"])
            with flask_server(scratch, "admin.flask_app", rows=True) as base:
                shoot(browser, base, "flask-admin", by_app["flask-admin"])
            with flask_server(scratch, "api_frameworks.flask_app", rows=False) as base:
                shoot(browser, base, "flask-api", by_app["flask-api"])
        finally:
            browser.close()
    MANIFEST.write_text(json.dumps(manifest(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{MANIFEST.relative_to(ROOT)}: {len(image_files())} screens")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="list stale or missing screens; take none")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(f"{line}: run make screenshots", file=sys.stderr)
        return 1 if problems else 0
    take()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The offline edition: the guide built to be read from the file system, and its zip.

    .venv/bin/python tools/offline.py [--site DIR] [--zip FILE]     (or `make offline`)
    .venv/bin/python tools/offline.py --vendor                      re-fetch the shim from npm

The pull-request preview (checks.yml) and the download on the published site
(deploy.yml) are this edition. `OFFLINE_EDITION=true` switches on Material's
offline plugin (mkdocs.yml), which turns off directory URLs (so links name
.html files) and copies the search index into a script, so pages and search
work from file:// with no server. Search then runs in a Web Worker that
browsers refuse to start from file://, which the iframe-worker shim works
around; the plugin would load that shim from unpkg.com, so the site carries a
copy from npm instead (docs/assets/vendor/iframe-worker/, see mkdocs.yml), and
this script checks it against the pinned checksums before every build.

The zip holds one folder, web-development-using-python/, and is the same
bytes for the same commit: files in sorted order, every timestamp set to
SOURCE_DATE_EPOCH (the last commit's time when it is not set).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

NAME = "web-development-using-python"
ZIP_NAME = f"{NAME}.zip"
# The environment variable mkdocs.yml reads to switch the offline plugin on.
SWITCH = "OFFLINE_EDITION"

# The vendored shim: the npm package's tarball (by npm's integrity hash) and
# the two files taken from it (by SHA-256). unpkg.com/iframe-worker/shim, the
# address Material 9.8.2's offline plugin names, serves shim/index.js of the
# latest release.
SHIM_PACKAGE = "iframe-worker"
SHIM_VERSION = "1.0.4"
SHIM_INTEGRITY = "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q=="
VENDOR_DIR = ROOT / "docs" / "assets" / "vendor" / "iframe-worker"
VENDORED = {
    # file in the npm package -> (file here, SHA-256)
    "package/shim/index.js": ("shim.js", "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"),
    "package/LICENSE": ("LICENSE", "dd69737a4768aab9f934a5aed9efab9561ac4062d4fdbe490d44369a2cf48b6b"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shown(path: Path) -> str:
    """A path as a contributor reads it: relative to the repository when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def vendored_problems(folder: Path = VENDOR_DIR) -> list[str]:
    """What is wrong with the vendored shim: missing files or checksums that differ from the pins."""
    problems = []
    for _, (name, expected) in VENDORED.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{shown(path)} is missing")
        elif (got := sha256(path)) != expected:
            problems.append(
                f"{shown(path)} has SHA-256 {got}, expected {expected} ({SHIM_PACKAGE}@{SHIM_VERSION} from npm)"
            )
    return problems


def fetch_vendored() -> None:
    """Download the pinned package with `npm pack`, check npm's integrity hash, and copy the files in."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"{SHIM_PACKAGE}@{SHIM_VERSION}", "--silent"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        data = tarball.read_bytes()
        integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        if integrity != SHIM_INTEGRITY:
            sys.exit(f"error: {tarball.name} has integrity {integrity}, expected {SHIM_INTEGRITY}")
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member, (name, _) in VENDORED.items():
                extracted = tar.extractfile(member)
                if extracted is None:
                    sys.exit(f"error: {member} in {tarball.name} is not a file; fix VENDORED in tools/offline.py")
                (VENDOR_DIR / name).write_bytes(extracted.read())
    problems = vendored_problems()
    if problems:
        sys.exit("error: the fetched files differ from the pins in tools/offline.py:\n  " + "\n  ".join(problems))
    print(f"{shown(VENDOR_DIR)}: {SHIM_PACKAGE}@{SHIM_VERSION}, checksums match")


def source_date_epoch() -> str:
    """SOURCE_DATE_EPOCH, else the last commit's time, else a fixed date (2026-01-01)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    stamp = proc.stdout.strip()
    return stamp if proc.returncode == 0 and stamp.isdigit() else "1767225600"


def build(dest: Path, project: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the offline edition into `dest`. Returns the finished process."""
    problems = vendored_problems(project / VENDOR_DIR.relative_to(ROOT))
    if problems:
        raise SystemExit(
            "error: the vendored iframe-worker shim does not match its pin "
            "(restore it with `.venv/bin/python tools/offline.py --vendor`):\n  " + "\n  ".join(problems)
        )
    environ = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": source_date_epoch(),
        **env,
        SWITCH: "true",
    }
    proc = subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--clean", "-f", project / "mkdocs.yml", "-d", dest],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Only a web server shows 404.html, and its links start at the server's
    # root (/...), which from the file system is the disk's root.
    if proc.returncode == 0:
        (Path(dest) / "404.html").unlink(missing_ok=True)
    return proc


def make_zip(site: Path, dest: Path, epoch: int | None = None) -> Path:
    """Zip `site` into `dest` under one folder, NAME/, byte-for-byte reproducibly."""
    epoch = int(source_date_epoch()) if epoch is None else epoch
    # Zip timestamps start in 1980 and carry no time zone.
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site", type=Path, default=ROOT / "site-offline", help="where to build (default: site-offline)"
    )
    parser.add_argument("--zip", type=Path, default=ROOT / ZIP_NAME, help=f"the zip to write (default: {ZIP_NAME})")
    parser.add_argument("--vendor", action="store_true", help="re-fetch the pinned iframe-worker shim from npm")
    args = parser.parse_args(argv)
    if args.vendor:
        fetch_vendored()
        return 0
    proc = build(args.site.resolve())
    if proc.returncode != 0:
        print(proc.stdout + proc.stderr, file=sys.stderr)
        return proc.returncode
    make_zip(args.site, args.zip)
    size = args.zip.stat().st_size
    print(f"offline edition: {args.site}/index.html (open it in a browser); zip: {args.zip} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

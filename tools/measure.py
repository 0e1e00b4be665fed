"""Measure what installing each framework brings, and write data/measured.yml.

For every framework in data/frameworks.yml, install `<package>==<current.version>`
into a throwaway virtual environment (no cache, so the wheels are fetched from the
package index) and record the number of distributions it adds, the size they take
in site-packages, and the names of the distributions the framework requires.

Usage: python tools/measure.py   (or `make measure`)
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASELINE = {"pip", "setuptools", "wheel"}


def site_packages(venv: Path) -> Path:
    out = subprocess.run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True,
    )
    return Path(out.stdout.strip())


def size_kib(folder: Path, skip: set[str]) -> int:
    total = 0
    for path in folder.rglob("*"):
        top = path.relative_to(folder).parts[0].lower()
        if any(top == s or top.startswith(f"{s}-") for s in skip) or top == "__pycache__":
            continue
        if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts:
            total += path.stat().st_size
    return round(total / 1024)


def measure(package: str, version: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--quiet"]
        subprocess.run([*pip, "install", "--no-cache-dir", "--no-compile", f"{package}=={version}"], check=True)
        listing = "import json, importlib.metadata as m; print(json.dumps([d.metadata['Name'] for d in m.distributions()]))"
        listed = json.loads(subprocess.run([venv / "bin" / "python", "-c", listing], check=True, capture_output=True, text=True).stdout)
        names = sorted(n for n in listed if n.lower() not in BASELINE)
        probe = (
            "import json, sys; from importlib.metadata import requires; "
            "from packaging.requirements import Requirement; "
            "reqs = [Requirement(r) for r in requires(sys.argv[1]) or []]; "
            "print(json.dumps(sorted(r.name for r in reqs if not r.marker or r.marker.evaluate({'extra': ''}))))"
        )
        subprocess.run([*pip, "install", "--no-cache-dir", "packaging"], check=True)
        deps = json.loads(subprocess.run([venv / "bin" / "python", "-c", probe, package], check=True, capture_output=True, text=True).stdout)
        return {
            "version": version,
            "distributions": len(names),
            "size_kib": size_kib(site_packages(venv), BASELINE | {"packaging"}),
            "dependencies": deps,
            "python": ".".join(map(str, sys.version_info[:2])),
            "measured": datetime.date.today(),
        }


def main() -> None:
    frameworks = yaml.safe_load((ROOT / "data" / "frameworks.yml").read_text())["frameworks"]
    install = {}
    for key, fw in frameworks.items():
        print(f"measuring {fw['package']}=={fw['current']['version']} ...", flush=True)
        install[key] = measure(fw["package"], fw["current"]["version"])
        print(f"  {install[key]['distributions']} distributions, {install[key]['size_kib']} KiB")
    header = (
        "# Written by `make measure` (tools/measure.py): do not edit by hand.\n"
        "# A fresh virtual environment per framework, `pip install <package>==<version>`;\n"
        "# distributions and size count what the install added to site-packages.\n"
    )
    body = yaml.safe_dump({"install": install}, sort_keys=False, default_flow_style=False)
    (ROOT / "data" / "measured.yml").write_text(header + body)
    print("wrote data/measured.yml")


if __name__ == "__main__":
    main()

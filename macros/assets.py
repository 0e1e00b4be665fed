"""The site's own stylesheet and scripts, as readers download them: without comments.

``docs/assets/extra.css`` and the scripts in ``docs/assets/javascripts/``
explain themselves at length, which is right for the source and wasted on
every reader: the comments are most of their bytes. After each build,
:func:`minify` rewrites the copies in the built site (never the sources)
without comments and runs of whitespace, which halves what a first visit
downloads beyond Material itself (tests/browser/test_layout.py holds that to
4 KiB: SITE_ALLOWANCE). MkDocs runs it from the ``on_post_build`` hook; Zensical 0.0.73 runs
no such hook, so ``make build-zensical`` (and tools/bench.py's Zensical
build) runs ``python -m macros.assets SITE`` after the build instead.

Deliberately simple, for the files this site writes: CSS comments are
``/* ... */`` and never inside a string; a script's comments are ``/* ... */``
blocks and whole lines that start with ``//``. Both functions are pure.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_BLOCK = re.compile(r"/\*.*?\*/", re.S)


def minify_css(css: str) -> str:
    """``css`` without comments, with whitespace only where a selector needs it."""
    css = _BLOCK.sub("", css)
    css = re.sub(r"\s+", " ", css)
    # Around braces, semicolons and commas a space is never needed; around ":"
    # it may be (".a :is(h1)" is not ".a:is(h1)"), so those stay.
    css = re.sub(r"\s*([{};,])\s*", r"\1", css)
    # Inside a block of declarations (the innermost braces) "color: red" needs no space.
    css = re.sub(r"\{([^{}]*)\}", lambda m: "{" + re.sub(r":\s+", ":", m.group(1)) + "}", css)
    return css.replace(";}", "}").strip() + "\n"


def minify_js(js: str) -> str:
    """``js`` without block comments, ``//`` comment lines, indentation and blank lines."""
    js = _BLOCK.sub("", js)
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def minify(site: Path, files: list[str]) -> list[Path]:
    """Rewrite the built copies of ``files`` (paths under the site, .css or .js); return those changed."""
    done = []
    for name in files:
        path = site / name
        if path.suffix not in (".css", ".js") or path.name.endswith((".min.css", ".min.js")) or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = minify_css(text) if path.suffix == ".css" else minify_js(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
            done.append(path)
    return done


def ours(docs: Path) -> list[str]:
    """The site's own stylesheets and scripts under ``docs``/assets, as paths under the site
    (vendored files keep their own form)."""
    return sorted(
        p.relative_to(docs).as_posix()
        for p in (docs / "assets").rglob("*")
        if p.suffix in (".css", ".js") and "vendor" not in p.parts
    )


def main(argv: list[str]) -> int:
    """``python -m macros.assets SITE [DOCS]``: minify the built copies of DOCS' own assets in SITE
    and compact its search index (macros/search.py): what MkDocs's on_post_build does."""
    if len(argv) not in (1, 2):
        print("usage: python -m macros.assets SITE [DOCS (default: docs)]", file=sys.stderr)
        return 2
    site, docs = Path(argv[0]), Path(argv[1] if len(argv) == 2 else "docs")
    if not site.is_dir():
        print(f"macros.assets: {site}: no built site there; build it first", file=sys.stderr)
        return 1
    minify(site, ours(docs))
    # The search index too, as MkDocs's on_post_build does (macros/__init__.py).
    from . import search

    search.compact_site(site)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

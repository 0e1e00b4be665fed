"""The site's own stylesheet and scripts, as readers download them: without comments.

``docs/assets/extra.css`` and the scripts in ``docs/assets/javascripts/``
explain themselves at length, which is right for the source and wasted on
every reader: the comments are most of their bytes. After each build,
:func:`minify` rewrites the copies in the built site (never the sources)
without comments and runs of whitespace, which halves what a first visit
downloads beyond Material itself (tests/browser/test_pages.py holds that to
2 KiB).

Deliberately simple, for the files this site writes: CSS comments are
``/* ... */`` and never inside a string; a script's comments are ``/* ... */``
blocks and whole lines that start with ``//``. Both functions are pure.
"""

from __future__ import annotations

import re
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

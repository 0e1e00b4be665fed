"""Diagrams from docs/assets/diagrams/, inlined so they follow the page.

A page writes ``{{ diagram("request-path", alt="...", caption="...") }}``.
The SVG file ``<name>.svg`` is drawn for a page column of about 690 px and
``<name>-narrow.svg``, when there is one, for a phone (about 340 px); both are
put inline in one ``<figure>``, each with a rule in its own ``<style>`` that
shows it only at the widths it is drawn for (below 45em, Material's phone
layout, the narrow one). Inline, not as ``<img>``, because an image cannot
read the page's colours: each file's ``<style>`` takes its colours from
Material's scheme variables (``var(--md-default-fg-color, #1b1f2a)``), so the
drawing turns dark with the page, and falls back to light colours when the
file is opened alone.

Drawing one: ``<name>.svg`` 760 units wide and ``<name>-narrow.svg`` 360
units wide, text at 13 units or more; text, panels and lines take Material's
colours with a light fallback, and a fill of the drawing's own is translucent
(``color-mix(in srgb, #009688 14%, transparent)``) so it reads on both schemes.

Inlining puts several SVGs in one document, so this rewrites each file:
every ``id`` (and each ``url(#...)``, ``href="#..."`` and ``aria-labelledby``
that points at one) gets a prefix unique to the figure and variant, every
selector in the file's ``<style>`` is scoped to that variant, and the page's
``alt`` text becomes the accessible name (the file's ``<title>`` and
``<desc>`` stay for the file opened alone). A missing file, a file that is not
an SVG, or a missing ``alt`` fails the build with the file named.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .errors import MacroError

_ID = re.compile(r'\bid="([^"]+)"')
# How each drawing sits in the page, added to its own <style> (so only pages
# with a diagram carry it): full width, and below 45em (Material's phone
# layout) the narrow drawing instead of the wide one. P is the drawing.
_FULL = "P { display: block; width: 100%; height: auto; margin: 0 auto; }"
LAYOUT = {
    "only": _FULL,
    "wide": _FULL + " @media screen and (max-width: 44.984375em) { P { display: none; } }",
    "narrow": _FULL + " P { max-width: 30rem; } @media screen and (min-width: 45em) { P { display: none; } }",
}
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _scope_css(css: str, scope: str) -> str:
    """Every selector of ``css`` (plain rules, no at-rules) prefixed with ``scope``."""
    if "@" in css:
        raise MacroError("a diagram's <style> may hold plain rules only (no @media or other at-rules)")

    def rule(match: re.Match) -> str:
        selectors = ", ".join(f"{scope} {s.strip()}" for s in match.group(1).split(","))
        return f"{selectors} {{{match.group(2)}}}"

    return _RULE.sub(rule, css)


def inline_svg(svg: str, prefix: str, alt: str, css_class: str) -> str:
    """One SVG file's text, ready to sit in a page beside others (see the module docstring)."""
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg).strip()
    if not svg.startswith("<svg"):
        raise MacroError("not an SVG file: it must start with <svg")
    ids = _ID.findall(svg)
    for old in ids:
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"')
        svg = svg.replace(f"url(#{old})", f"url(#{new})").replace(f'href="#{old}"', f'href="#{new}"')
    svg = re.sub(r'\s(?:aria-labelledby|aria-describedby)="[^"]*"', "", svg, count=2)
    svg = _STYLE.sub(lambda m: m.group(1) + _scope_css(m.group(2), f".{prefix}") + m.group(3), svg)
    # The width and height attributes give the drawing's proportions; CSS sets its size.
    svg = re.sub(
        r"^<svg\b", f'<svg class="{css_class} {prefix}" aria-label="{html.escape(alt)}" focusable="false"', svg, count=1
    )
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    return re.sub(r">\s+<", "><", svg)


def diagram(folder: Path, name: str, alt: str = "", caption: str = "") -> str:
    """A ``<figure>`` holding the diagram ``name`` (and its narrow variant), with ``caption``."""
    if not alt.strip():
        raise MacroError(f'diagram("{name}") needs alt="...": a sentence that says what the diagram shows')
    wide = folder / f"{name}.svg"
    if not wide.is_file():
        found = sorted(p.stem for p in folder.glob("*.svg") if not p.stem.endswith("-narrow"))
        raise MacroError(f"no diagram {wide.as_posix()}; the diagrams are {found}")
    variants = [("wide", wide)]
    narrow = folder / f"{name}-narrow.svg"
    if narrow.is_file():
        variants.append(("narrow", narrow))
    parts = []
    for variant, path in variants:
        prefix = f"dg-{name}-{variant}"
        layout = LAYOUT["only" if len(variants) == 1 else variant].replace("P", f".{prefix}")
        try:
            svg = inline_svg(
                path.read_text(encoding="utf-8"),
                prefix,
                alt,
                f"diagram__{variant}" if len(variants) > 1 else "diagram__only",
            )
        except MacroError as exc:
            raise MacroError(f"{path.as_posix()}: {exc}") from None
        parts.append(
            svg.replace("</style>", f"#diagram-{name} {{ display: block; }} {layout}</style>", 1)
            if "</style>" in svg
            else svg
        )
    figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="diagram" id="diagram-{name}">{"".join(parts)}{figcaption}</figure>'

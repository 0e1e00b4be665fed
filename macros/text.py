"""Data text as readers see it: words, with code marked by backticks.

Text in ``data/`` (a feature's ``how``, a command's ``does``) may mark code
with single backticks: ``"`@register.filter` in a templatetags module"``. The
backticks come in pairs; each pair is one piece of code, shown as code.

:func:`inline` turns such text into Markdown that shows every character as
written, in a table cell, a list or a raw HTML block: each ASCII punctuation
character becomes a numeric character reference (``{`` is ``&#123;``), which
no Markdown extension reads as syntax (emphasis, attribute lists, pipes,
abbreviations' neighbours, emoji, keys, footnotes, raw HTML), and browsers
and the search index decode back to the character. Letters, digits, spaces
and non-ASCII characters are left alone, so glossary abbreviations still get
their tooltips. Code becomes ``<code>`` with its text escaped the same way.

Pure functions, no imports from MkDocs or pydantic.
"""

from __future__ import annotations

import re

# Everything Markdown or HTML could read as syntax: all ASCII punctuation.
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# Control characters other than tab and newline collide with Python-Markdown's
# placeholders (STX, ETX) and mean nothing in a table: refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class TextError(ValueError):
    """Data text that cannot be shown as written (an unpaired backtick, a control character)."""


def _printable(text: str) -> None:
    control = _CONTROL.search(text)
    if control:
        raise TextError(f"control character {control.group()!r} at position {control.start()}; "
                        "data text holds only printable characters")


def check(text: str) -> str:
    """Return ``text`` if it can be shown; raise :class:`TextError` saying why not."""
    _printable(text)
    if text.count("`") % 2:
        raise TextError("unpaired backtick: mark code with a pair, as in `url_for()`")
    return text


def pieces(text: str) -> list[tuple[bool, str]]:
    """``text`` split into (is_code, piece), in order; empty pieces dropped."""
    check(text)
    return [(i % 2 == 1, piece) for i, piece in enumerate(text.split("`")) if piece]


def escape(text: str) -> str:
    """``text`` with every ASCII punctuation character as a numeric reference; whitespace as one space."""
    flat = " ".join(text.split("\n")).replace("\t", " ")
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};", flat)


def code(text: str) -> str:
    """``text`` as one piece of code, every character shown (backticks included)."""
    _printable(text)
    return f"<code>{escape(text)}</code>"


def inline(text: str) -> str:
    """Data ``text`` as Markdown that shows it whole, with its backticked pieces as code."""
    return "".join(code(piece) if is_code else escape(piece) for is_code, piece in pieces(str(text)))


def plain(text: str) -> str:
    """What a reader reads: the text with the backticks removed."""
    return str(text).replace("`", "")

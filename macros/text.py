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

So a contributor writes data text as it should read: braces, ``<``, ``|``,
``*``, ``_`` and backslashes need no escaping, and tests/site/test_tables.py
compares every built cell with its data text. In YAML, quote a value that
starts with a backtick, ``@`` or ``{``:
``how: "`@register.filter` in a `templatetags` module, then `{% load %}`"``.

Pure functions, no imports from MkDocs or pydantic.
"""

from __future__ import annotations

import re

# What `make new-topic` writes where a contributor still has to write something.
PLACEHOLDER = re.compile(r"FILL[ _-]IN")  # upper case: "fill in" is an English phrase

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
        raise TextError(
            f"control character {control.group()!r} at position {control.start()}; "
            "data text holds only printable characters"
        )


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


# Where code may wrap in a narrow table column: after a dot, a slash, an
# opening bracket, a colon, a comma or the last "=" of a run, when more code
# follows ("django.<wbr>db.<wbr>models", "Flask==<wbr>3.1.3"), but never
# inside a version number, and never between an empty pair of brackets
# ("cache.set()" does not end on a lone ")").
_BREAK_AFTER = re.compile(r"(&#46;(?=[A-Za-z_])|&#40;(?!&#41;)(?=[^&\s]|&#)|&#(?:47|58|44|61);(?!&#61;)(?=[^&\s]|&#))")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# Only a name too long for a phone's table column breaks between its words:
# "JsonResponse" and "as_view" stay whole, "PasswordReset<wbr>Token<wbr>Generator"
# and "DATA_UPLOAD_<wbr>MAX_<wbr>MEMORY_<wbr>SIZE" may wrap, after an underscore
# that letters follow ("__init__" never breaks).
_LONG_NAME = re.compile(r"[A-Za-z](?:[A-Za-z0-9]|&#95;)*[A-Za-z0-9]")
_LONG = 17
_SNAKE = re.compile(r"(?<=[A-Za-z0-9])(&#95;)(?=[A-Za-z0-9])")


def _break_long_name(name: str) -> str:
    if len(name.replace("&#95;", "_")) < _LONG:
        return name
    return _SNAKE.sub(r"\1<wbr>", _CAMEL.sub("<wbr>", name))


def code(text: str, breaks: bool = False) -> str:
    """``text`` as one piece of code, every character shown (backticks included).

    With ``breaks``, a ``<wbr>`` after each dot, slash, opening bracket,
    colon and comma, and between the words of a CamelCase or snake_case name
    of 17 characters or more (a shorter one fits a column whole), lets
    a narrow table column wrap the code there instead of cutting it or
    scrolling; ``<wbr>`` adds no character, so copied text and the search
    index are unchanged.
    """
    _printable(text)
    body = escape(text)
    if breaks:
        body = _BREAK_AFTER.sub(r"\1<wbr>", body)
        # And inside a long name: "PasswordReset<wbr>Token<wbr>Generator".
        body = _LONG_NAME.sub(lambda m: _break_long_name(m.group()), body)
    return f"<code>{body}</code>"


def inline(text: str, breaks: bool = False) -> str:
    """Data ``text`` as Markdown that shows it whole, with its backticked pieces as code."""
    return "".join(code(piece, breaks) if is_code else escape(piece) for is_code, piece in pieces(str(text)))


def plain(text: str) -> str:
    """What a reader reads: the text with the backticks removed."""
    return str(text).replace("`", "")

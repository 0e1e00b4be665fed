"""The one error a macro raises, and the wrapper that puts the page and its line in front of it.

A contributor reads the first line of a failure and nothing else, so every
message starts with where the mistake is (``docs/cookbook/hello.md, line 20``
or ``examples/hello/flask_app.py, line 3``), then says what is wrong in the
words of the file they edited, then how to fix it.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


class MacroError(ValueError):
    """A macro was called with something the data or the examples do not have.

    ``where`` is set when the mistake is in another file than the page (an
    example file's section marker, say): that file and line then lead the message.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where


def template_line() -> int | None:
    """The line of the Jinja template being rendered that called into Python, if any."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None


def call_text(name: str, args: tuple, kwargs: dict) -> str:
    """How the call reads on the page: ``example("hello", "run")``."""
    parts = [_literal(a) for a in args] + [f"{k}={_literal(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _literal(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def public_signature(fn: Callable[..., Any], bound: int) -> inspect.Signature:
    """``fn``'s signature without its first ``bound`` parameters: what a page passes.

    Keywords that a ``functools.partial`` already fixes are left out too (the
    page never passes them).
    """
    sig = inspect.signature(fn)
    fixed = getattr(fn, "keywords", None) if isinstance(fn, functools.partial) else None
    params = [p for p in list(sig.parameters.values())[bound:] if not fixed or p.name not in fixed]
    return sig.replace(parameters=params)


def usage(name: str, sig: inspect.Signature) -> str:
    """How a page calls the macro: ``example(topic, section, examples="examples")``."""
    params = [p.name if p.default is p.empty else f"{p.name}={_literal(p.default)}" for p in sig.parameters.values()]
    return f"{name}({', '.join(params)})"


def on_page(
    fn: Callable[..., str],
    *bound: Any,
    page: Callable[[int | None], str],
    name: str = "",
    report: Callable[[str], str] | None = None,
) -> Callable[..., str]:
    """Bind ``fn``'s leading arguments; name the page and line in any MacroError.

    ``page(line)`` turns a line of the rendered template into ``docs/x.md, line N``.
    With ``report``, the message is handed to it and its return value (a notice
    on the page) replaces the macro's output, so a half-written page still
    renders while ``mkdocs build --strict`` fails on the warning. Without it,
    the MacroError is raised with the location in front.
    """
    name = name or fn.__name__
    sig = public_signature(fn, len(bound))

    def fail(message: str) -> str:
        if report is None:
            raise MacroError(message) from None
        return report(message)

    @functools.wraps(fn)
    def macro(*args: Any, **kwargs: Any) -> str:
        call = call_text(name, args, kwargs)
        try:
            sig.bind(*args, **kwargs)
        except TypeError as exc:
            return fail(f"{page(template_line())}: {call}: {exc}; write it as {usage(name, sig)}")
        try:
            return fn(*bound, *args, **kwargs)
        except MacroError as exc:
            if exc.where:
                return fail(f"{exc.where}: {exc}\n  (shown by {page(template_line())}: {call})")
            return fail(f"{page(template_line())}: {call}: {exc}")

    # What a page may pass, for the template checks (inspect.signature reads it; the
    # type functools.wraps returns does not declare it).
    macro.__signature__ = sig  # type: ignore[attr-defined]
    return macro

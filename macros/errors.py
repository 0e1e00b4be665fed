"""The one error a macro raises, and the wrapper that names the page in it."""

from __future__ import annotations

import functools
from typing import Any, Callable


class MacroError(ValueError):
    """A macro was called with something the data or the examples do not have."""


def on_page(fn: Callable[..., str], *bound: Any, page: Callable[[], str], name: str = "") -> Callable[..., str]:
    """Bind ``fn``'s leading arguments and prefix any MacroError with the page it came from."""

    @functools.wraps(fn)
    def macro(*args: Any, **kwargs: Any) -> str:
        try:
            return fn(*bound, *args, **kwargs)
        except MacroError as exc:
            raise MacroError(f"{page()}: {name or fn.__name__}(): {exc}") from None

    return macro

"""Bad input, as a broken client or an attacker sends it: every example must answer 4xx, never 500.

Each topic's test builds a table from these helpers (every field missing, the
wrong type, a number too big for any column, bytes that are not UTF-8) and
sends each row to every endpoint that reads input, in both frameworks.
"""

from __future__ import annotations

from urllib.parse import quote_from_bytes

HUGE = str(10**30)  # bigger than any SQL integer column
NOT_UTF8 = b"\xff\xfe\xc3("  # invalid in UTF-8, as a raw byte string


def form_body(fields: dict[str, str | bytes]) -> str:
    """An application/x-www-form-urlencoded body; bytes values are sent as they are, percent-encoded."""
    return "&".join(
        f"{quote_from_bytes(name.encode())}={quote_from_bytes(value if isinstance(value, bytes) else value.encode())}"
        for name, value in fields.items()
    )


def form_variants(good: dict[str, str], numbers: tuple[str, ...] = ()) -> dict[str, str]:
    """A valid form spoiled one way at a time.

    Each field left out, each not UTF-8, and (for numbers) not a number or huge.
    """
    cases = {"empty body": ""}
    for name in good:
        cases[f"no {name}"] = form_body({k: v for k, v in good.items() if k != name})
        cases[f"{name} not UTF-8"] = form_body({**good, name: NOT_UTF8})
    for name in numbers:
        cases[f"{name} not a number"] = form_body({**good, name: "abc"})
        cases[f"{name} huge"] = form_body({**good, name: HUGE})
        cases[f"{name} a float"] = form_body({**good, name: "19.5"})
    return cases


def query_variants(name: str) -> dict[str, str]:
    """Query strings that give a number parameter something it cannot use."""
    return {
        f"{name}={label}": f"{name}={value}"
        for label, value in [
            ("abc", "abc"),
            ("huge", HUGE),
            ("float", "19.5"),
            ("not UTF-8", quote_from_bytes(NOT_UTF8)),
        ]
    }


__all__ = ["HUGE", "NOT_UTF8", "form_body", "form_variants", "query_variants"]

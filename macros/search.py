"""The search index, as small as a phone can afford and as findable as readers type.

Both engines index every section's whole text: each code block verbatim,
each Run-it set-up, each paragraph. Every first visit downloads that index,
whether the reader searches or not (612 KiB raw, 193 KiB at nginx's gzip
level, at 27 cookbook pages). After each build, :func:`compact_site` rewrites
the built index (never the pages) so that each section's entry holds:

1. a preview: the section's first sentence of prose, never code;
2. the words of the rest of its prose that the page has not indexed yet,
   once each, in the order they come (a word already in an earlier section
   of the same page leads there), less the words on a quarter of the pages
   or more, which point at no page in particular (most are the Run-it
   set-up every cookbook page repeats);
3. the identifiers its code introduces (``select_related``,
   ``MAX_CONTENT_LENGTH``, ``ListView``, imported modules), once a page,
   less those common to a quarter of the pages (``create_app``);
4. each CamelCase name also written in lower case (``WhiteNoise`` as
   ``whitenoise``), as often as the section has it (up to NAME_WEIGHT), even
   where the name is common: lunr (Material) ranks by how often a section
   has a word, and the name itself is left out of the words after the
   preview where it is common. The separator (mkdocs.yml) keeps a CamelCase
   name one word, so both engines find it as readers type it, where it is
   written. It used to split before a capital: then Zensical 0.0.73, which
   ranks by how early a section has the query's words and how close
   together (not how often), put every short section that names SQLAlchemy
   once before the database page, and found ``login_required`` in the parts
   of ``LoginRequiredMixin`` before the auth page that teaches it.

Material's ``data-search-exclude`` is no lever for the Run-it set-up: its
parser (material/plugins/search/plugin.py, 9.8.2) compares elements by tag
name, so an excluded ``<div>`` is let go at the first inner ``</div>``.
Words the search drops anyway (lunr's English stop words) are left out. A
search still finds a section by any word of its prose or any name its code
introduces; it no longer finds a word that appears only inside code (a
string, a comment), and a preview is never a code file.

MkDocs runs this from the ``on_post_build`` hook (after the search plugin,
which comes first in mkdocs.yml, has written ``search/search_index.json``);
Zensical 0.0.73 runs no such hook, so ``python -m macros.assets SITE``, which
``make build-zensical`` and tools/bench.py run after its build, rewrites its
``search.json``. tests/site/test_search_index.py holds the budget.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Set
from pathlib import Path

# The built index of each engine, and the key of its list of entries.
INDEXES = (("search/search_index.json", "docs"), ("search.json", "items"))
# The preview's length at most, in characters: about two lines of a result.
PREVIEW = 160
# A word on this share of the pages or more (and on at least MIN_COMMON) is left
# out of the words after the preview: it points at no page in particular.
COMMON = 0.15
MIN_COMMON = 4
# How often a CamelCase name's lower-case form may repeat in one section.
NAME_WEIGHT = 3
_LABELS = re.compile(r'<div class="tabbed-labels">(.*?)</div>', re.S)
_LABEL = re.compile(r"<label\b[^>]*>(.*?)</label>", re.S)
_PRE = re.compile(r"<pre\b.*?</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")
# A word as a reader types it: letters and digits, joined by "_", "." or "-"
# inside it (url_for, settings.py, 3.1, Flask-WTF, year__gte).
_WORD = re.compile(r"[^\W_]+(?:[._\-]+[^\W_]+)*")
# A name code introduces: snake_case, CONSTANT_CASE or CamelCase (two capitals).
_IDENT = re.compile(r"\b[A-Za-z]\w*_\w*[A-Za-z0-9]\b|\b[A-Z][a-z0-9]+[A-Z]\w*\b|\b[A-Z]{2,}[a-z]\w*\b")
# The modules a file imports: `import whitenoise`, `from flask_wtf import ...`.
_IMPORT = re.compile(r"^\s*(?:from|import)\s+([\w.]+)", re.M)
# A CamelCase name (WhiteNoise, ListView, SQLAlchemy, HttpResponse).
_CAMEL = re.compile(r"^(?=\w*[a-z])(?=\w*[A-Z]\w*[A-Z]|[A-Z]{2,})[A-Za-z0-9]+$")
# lunr's English stop words (lunr 2.3, stopWordFilter): it drops them from the index anyway.
STOP_WORDS = frozenset(
    """
a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him
his how however i if in into is it its just least let like likely may me might most must my neither
no nor not of off often on only or other our own rather said say says she should since so some than
that the their them then there these they this tis to too twas us wants was we were what when where
which while who whom why will with would yet you your
""".split()
)


def plain(fragment: str) -> str:
    """An HTML fragment's text as read: tags dropped, entities decoded, white space collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def preview(text: str, limit: int = PREVIEW) -> str:
    """The first sentence of ``text``, cut at a word before ``limit`` characters."""
    sentence = re.split(r"(?<=[.!?:])\s+(?=[A-Z(])", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def identifiers(code: str) -> list[str]:
    """The names a piece of code introduces or imports, in order, each once."""
    code = html.unescape(_TAG.sub("", code))
    # A relative import (`from .models import Book`) names the module without its dot.
    names = [n.lstrip(".") for n in _IMPORT.findall(code)] + _IDENT.findall(code)
    return list(dict.fromkeys(n for n in names if len(n) > 2))


def lowercase_forms(words: list[str]) -> list[str]:
    """CamelCase names as readers type them: WhiteNoise -> whitenoise, Flask-HTTPAuth -> httpauth."""
    return [part.lower() for w in words for part in re.split(r"[-._]", w) if _CAMEL.match(part)]


def _parts(entry: dict) -> tuple[list[str], str, list[str], list[str]]:
    """An entry's title words, preview, the words of the rest of its prose, and its code's names."""
    text = entry.get("text") or ""
    prose = plain(_PRE.sub(" ", text))
    head = preview(prose)
    rest = _WORD.findall(prose[len(head.rstrip("…")) :]) if head != prose else []
    return _WORD.findall(plain(entry.get("title") or "")), head, rest, identifiers(" ".join(_PRE.findall(text)))


def common_words(entries: list[dict], share: float = COMMON) -> set[str]:
    """Words (lower case) on at least ``share`` of the pages: they tell a search nothing about
    which page to show, and most are the set-up text every cookbook page repeats."""
    pages: dict[str, set[str]] = {}
    for entry in entries:
        page = entry["location"].split("#")[0]
        title, head, rest, names = _parts(entry)
        for word in title + _WORD.findall(head) + rest + names:
            pages.setdefault(word.lower(), set()).add(page)
    count = len({entry["location"].split("#")[0] for entry in entries})
    return {word for word, where in pages.items() if len(where) >= max(MIN_COMMON, share * count)}


def _key(word: str) -> str:
    """What makes a word new to a page: its lower case, but a CamelCase name is kept apart
    from its lower-case form, which item 4 of the module docstring adds on its own terms."""
    return word if _CAMEL.match(word) else word.lower()


def tab_label_runs(site: Path) -> set[str]:
    """The labels of each tab set in the built ``site``, run together ("FlaskDjango"): how
    Zensical 0.0.73 indexes them, as it ignores the ``data-search-exclude`` that keeps them
    out of MkDocs's index (macros/__init__.py, on_post_page_macros)."""
    runs = set()
    for page in site.rglob("*.html"):
        for labels in _LABELS.findall(page.read_text(encoding="utf-8", errors="replace")):
            runs.add("".join(plain(label) for label in _LABEL.findall(labels)))
    return {run for run in runs if run}


def compact(entries: list[dict], glued: Set[str] = frozenset()) -> list[dict]:
    """The index's entries with each ``text`` rewritten as the module docstring says, less
    the runs of tab labels in ``glued``; ``location``, ``title`` and any other field are kept."""
    if glued:
        runs = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(glued, key=len, reverse=True))) + r")(?!\w)")
        entries = [{**e, "text": runs.sub(" ", e.get("text") or "")} for e in entries]
    common = common_words(entries)
    seen: dict[str, set[str]] = {}
    out = []
    for entry in entries:
        page_seen = seen.setdefault(entry["location"].split("#")[0], set())
        title_words, head, rest, names = _parts(entry)
        head_words = _WORD.findall(head)
        here = {_key(w) for w in title_words + head_words}
        extra = []
        for word in rest + names:
            key = _key(word)
            if (
                key.lower() in STOP_WORDS
                or key in common
                or key in page_seen
                or key in here
                or not re.search(r"[^\W\d_]", word)
            ):
                continue
            here.add(key)
            extra.append(word)
        # A name's lower-case form, as often as the section has the name (up to
        # NAME_WEIGHT), even where the name is common: it is the reader's spelling
        # of a word the section has, and where the name comes most often should
        # rank first (sqlalchemy finds the database page before the admin page).
        counts = Counter(lowercase_forms(title_words + head_words + rest + names))
        for word, count in counts.items():
            extra += [word] * min(count, NAME_WEIGHT)
        page_seen |= here
        body = html.escape(head, quote=False)
        if extra:
            body += " " + html.escape(" ".join(extra), quote=False)
        out.append({**entry, "text": body})
    return out


def compact_site(site: Path) -> list[Path]:
    """Rewrite the search index(es) found in the built ``site``; return the files rewritten."""
    done = []
    glued = tab_label_runs(site)
    for name, key in INDEXES:
        path = site / name
        if not path.is_file():
            continue
        index = json.loads(path.read_text(encoding="utf-8"))
        index[key] = compact(index[key], glued)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        done.append(path)
    return done

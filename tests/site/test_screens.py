"""Pictures on the pages: the screens of the example apps are current, and every image is described and sized.

The screens are not compared pixel by pixel (fonts and Chromium releases move
pixels); tools/screenshots.py records what made each one, and the first test
recomputes that record from the working tree. The others read every page of
the built site, on both engines.
"""

from __future__ import annotations

import posixpath
import struct
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import ROOT
from tests.html_tables import article, start_tags
from tools import screenshots

SCHEME_FRAGMENTS = ("only-light", "only-dark")


def test_screens_were_taken_from_the_examples_as_they_are_now():
    problems = screenshots.stale()
    assert not problems, "\n".join(f"{line}: run make screenshots" for line in problems)


def png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, or None for any other format."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def source_of(page: str) -> str:
    """docs/cookbook/admin.md for cookbook/admin/index.html: the file a contributor edits."""
    stem = page.removesuffix("index.html").rstrip("/") or "index"
    for candidate in (f"docs/{stem}.md", f"docs/{stem}/index.md"):
        if (ROOT / candidate).is_file():
            return candidate
    return page


def shown_images(site: Path):
    """(page, img attributes, the file it loads, its fragment) for every image in every page's article."""
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        source = source_of(page)
        for img in start_tags(article(html.read_text(encoding="utf-8")), "img"):
            src = urlsplit(img.get("src") or "")
            target = None
            if not src.scheme and src.path:
                target = site / posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(src.path)))
            yield page, source, img, target, src.fragment


def test_every_image_a_page_shows_exists_is_described_sized_and_lazy(built_site):
    problems = []
    for _, source, img, target, fragment in shown_images(built_site.site):
        src = img.get("src")
        if target is None or not target.is_file():
            problems.append(f"{source}: <img src={src!r}> loads no file of the site; put the image under docs/")
            continue
        if not (img.get("alt") or "").strip():
            problems.append(f"{source}: {src} has no alt text; say what the picture shows between the brackets")
        if not (img.get("width") and img.get("height")):
            problems.append(
                f"{source}: {src} has no width and height, so the text jumps when it loads; "
                'add { width="W" height="H" } with its pixel size after the image'
            )
        elif (size := png_size(target)) and size != (int(img["width"]), int(img["height"])):
            problems.append(
                f"{source}: {src} says width={img['width']} height={img['height']} "
                f"but is {size[0]}x{size[1]} pixels; write its real size"
            )
        if img.get("loading") != "lazy":
            problems.append(f'{source}: {src} loads with the page; add loading="lazy" to its attributes')
        if fragment and fragment not in SCHEME_FRAGMENTS:
            problems.append(f"{source}: {src} ends in #{fragment}; only #only-light and #only-dark mean something")
    assert not problems, "\n".join(problems)


def test_a_picture_for_one_colour_scheme_has_its_twin_for_the_other(built_site):
    """Material hides an #only-dark image in the light scheme: alone, it would leave the light page blank."""
    by_page: dict[str, dict[str, set]] = {}
    for _, source, img, _, fragment in shown_images(built_site.site):
        if fragment in SCHEME_FRAGMENTS:
            by_page.setdefault(source, {f: set() for f in SCHEME_FRAGMENTS})[fragment].add(img.get("alt"))
    problems = [
        f"{source}: the picture {alt[:60]!r}... is shown in one colour scheme only; give it "
        "an #only-light and an #only-dark image with the same alt text"
        for source, schemes in sorted(by_page.items())
        for alt in sorted(schemes["only-light"] ^ schemes["only-dark"], key=str)
    ]
    assert not problems, "\n".join(problems)


def test_every_screen_the_tool_takes_is_shown_on_a_page(built_site):
    """A screen no page shows is weight in the repository and the published site for nobody."""
    shown = {target.resolve() for _, _, _, target, _ in shown_images(built_site.site) if target}
    site_screens = built_site.site / "assets" / "screens"
    unused = [file for _, _, file in screenshots.image_files() if (site_screens / file).resolve() not in shown]
    assert not unused, (
        f"{', '.join('docs/assets/screens/' + u for u in unused)}: no page shows it; show it with ![What it shows]"
        "(../assets/screens/<file>) or drop it from SCREENS in tools/screenshots.py"
    )

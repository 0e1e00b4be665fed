"""diagram(): SVG files inlined side by side without clashing, and bad calls that fail loudly."""

from __future__ import annotations

import re

import pytest

from macros import diagrams
from macros.errors import MacroError
from tests.conftest import ROOT

SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50" \
role="img" aria-labelledby="title desc">
  <title id="title">A box</title>
  <desc id="desc">One box and an arrow.</desc>
  <!-- a comment for whoever edits the file -->
  <defs>
    <marker id="arrow"><path d="M0,0 L10,5 L0,10 z"/></marker>
    <style>
      text { fill: var(--dg-text, #1b1f2a); }
      .box, .note { fill: var(--dg-panel, #fff); }
    </style>
  </defs>
  <rect class="box" x="1" y="1" width="98" height="48"/>
  <path d="M0,0 H10" marker-end="url(#arrow)"/>
</svg>
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "flow.svg").write_text(SVG, encoding="utf-8")
    return tmp_path


def test_one_file_is_inlined_with_the_page_alt_text_and_caption(folder):
    html = diagrams.diagram(folder, "flow", alt="A box & an arrow", caption="How it flows")
    assert html.startswith('<figure class="diagram" id="diagram-flow"><svg class="diagram__only dg-flow-wide"')
    assert 'aria-label="A box &amp; an arrow"' in html and "aria-labelledby" not in html
    assert html.endswith("<figcaption>How it flows</figcaption></figure>")
    assert "<!--" not in html and "<?xml" not in html


def test_ids_references_and_styles_are_scoped_so_two_diagrams_can_share_a_page(folder):
    (folder / "flow-narrow.svg").write_text(SVG, encoding="utf-8")
    html = diagrams.diagram(folder, "flow", alt="A box")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), ids
    assert 'id="dg-flow-wide-arrow"' in html and "url(#dg-flow-wide-arrow)" in html
    assert 'id="dg-flow-narrow-arrow"' in html and "url(#dg-flow-narrow-arrow)" in html
    assert ".dg-flow-wide text {" in html and ".dg-flow-narrow .box, .dg-flow-narrow .note {" in html
    assert 'class="diagram__wide dg-flow-wide"' in html and 'class="diagram__narrow dg-flow-narrow"' in html


@pytest.mark.parametrize(
    ("name", "alt", "message"),
    [
        ("flow", "", 'needs alt="..."'),
        ("nope", "x", "no diagram .*nope.svg; the diagrams are \\['flow'\\]"),
    ],
)
def test_a_bad_call_names_what_is_wrong(folder, name, alt, message):
    with pytest.raises(MacroError, match=message):
        diagrams.diagram(folder, name, alt=alt)


def test_a_style_with_at_rules_is_refused_naming_the_file(folder):
    (folder / "flow.svg").write_text(SVG.replace("<style>", "<style>@media (min-width: 1px) { }"), encoding="utf-8")
    with pytest.raises(MacroError, match=r"flow\.svg: .*plain rules only"):
        diagrams.diagram(folder, "flow", alt="A box")


def test_each_drawing_shows_only_at_the_widths_it_is_drawn_for(folder):
    (folder / "flow-narrow.svg").write_text(SVG, encoding="utf-8")
    html = diagrams.diagram(folder, "flow", alt="A box")
    assert "@media screen and (max-width: 44.984375em) { .dg-flow-wide { display: none; } }" in html
    assert "@media screen and (min-width: 45em) { .dg-flow-narrow { display: none; } }" in html
    assert "#diagram-flow { display: block; }" in html


def test_every_diagram_of_the_site_has_a_narrow_variant_and_takes_the_scheme_colours():
    folder = ROOT / "docs" / "assets" / "diagrams"
    wide = sorted(p for p in folder.glob("*.svg") if not p.stem.endswith("-narrow"))
    assert wide
    for path in wide:
        assert (folder / f"{path.stem}-narrow.svg").is_file(), f"{path.name} has no phone layout"
        for variant in (path, folder / f"{path.stem}-narrow.svg"):
            style = re.search(r"<style>(.*?)</style>", variant.read_text(encoding="utf-8"), re.S).group(1)
            # Text and the panel behind it take Material's colours, so they turn dark with the page.
            assert re.search(r"text \{[^}]*fill: var\(--md-default-fg-color,", style), variant.name
            assert re.search(r"\.panel \{[^}]*fill: var\(--md-code-bg-color,", style), variant.name

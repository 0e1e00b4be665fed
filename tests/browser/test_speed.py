"""Speed and resources in Chromium: the charts fit a 375 px screen and read in the light and the dark scheme.

axe-core, the transfer budget and the text alternatives of every page (this
one included) are checked by test_layout.py; this file checks what axe cannot
see in an SVG chart: its size on a phone and the contrast of its bars.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser

PATH = "choosing/speed/"

MEASURE = """() => {
  const article = document.querySelector('article.md-content__inner').getBoundingClientRect();
  return [...document.querySelectorAll('figure.chart svg')].map(svg => {
    const box = svg.getBoundingClientRect();
    const text = svg.querySelector('text.value');
    const solid = svg.querySelector('rect.bar--solid');
    return {
      id: svg.closest('figure').id,
      left: box.left, right: box.right, articleLeft: article.left, articleRight: article.right,
      textHeight: text.getBoundingClientRect().height,
      textFill: getComputedStyle(text).fill,
      bodyColor: getComputedStyle(document.querySelector('.md-typeset')).color,
      barFill: getComputedStyle(solid).fill,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}"""


def rgb(css: str) -> tuple[float, float, float, float]:
    inside = css[css.index("(") + 1 : css.index(")")].replace("/", ",")
    parts = [float(p) for p in inside.replace(",", " ").split()]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fore: str, back: str) -> float:
    *f, alpha = rgb(fore)
    *b, _ = rgb(back)
    # A translucent colour over the background.
    seen = [alpha * fc + (1 - alpha) * bc for fc, bc in zip(f, b, strict=True)]
    light, dark = sorted((luminance(seen), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_fit_a_phone_and_keep_their_contrast(new_context, scheme):
    page = new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme).new_page()
    page.goto(PATH)
    wait_ready(page)
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{expected}'")
    charts = page.evaluate(MEASURE)
    assert len(charts) >= 6
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
    for chart in charts:
        name = f"{chart['id']} ({scheme})"
        assert chart["left"] >= chart["articleLeft"] - 1 and chart["right"] <= chart["articleRight"] + 1, name
        assert chart["textHeight"] >= 11, f"{name}: values drawn {chart['textHeight']:.1f} px high"
        assert rgb(chart["textFill"])[:3] == rgb(chart["bodyColor"])[:3], f"{name}: text is not the page's colour"
        # WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
        assert contrast(chart["barFill"], chart["background"]) >= 3, (
            f"{name}: bar {chart['barFill']} on {chart['background']}"
        )
        assert contrast(chart["bodyColor"], chart["background"]) >= 4.5, name

"""macros/assets.py: the site's own CSS and JS reach readers without comments, and still work."""

from __future__ import annotations

from macros import assets
from tests.conftest import ROOT


def test_css_loses_comments_and_spaces_but_keeps_the_spaces_selectors_need():
    css = """/* A comment
       over two lines. */
    .md-typeset :is(h1, h2) > a ,
    .b   .c {
      color : red ;   /* why red */
      margin: 0 auto;
    }
    @media screen and (max-width: 44.984375em) { .d { display: none; } }
    """
    assert assets.minify_css(css) == (
        ".md-typeset :is(h1,h2) > a,.b .c{color :red;margin:0 auto}"
        "@media screen and (max-width: 44.984375em){.d{display:none}}\n"
    )


def test_js_loses_comments_and_indentation_but_keeps_its_lines():
    js = """/*
 * What this does.
 */
(function () {
  // why
  const re = /(^|\\s)--(?=[^\\s-])/g;  // a trailing comment stays: it is harmless
  return "http://x";
})();
"""
    assert assets.minify_js(js) == (
        "(function () {\n"
        "const re = /(^|\\s)--(?=[^\\s-])/g;  // a trailing comment stays: it is harmless\n"
        'return "http://x";\n'
        "})();\n"
    )


def test_minify_rewrites_built_copies_only_and_leaves_vendor_files(tmp_path):
    (tmp_path / "a.css").write_text("/* x */ .a { color: red; }\n", encoding="utf-8")
    (tmp_path / "b.min.js").write_text("/* licence */ x()\n", encoding="utf-8")
    (tmp_path / "c.js").write_text("// only a comment\nf();\n", encoding="utf-8")
    done = assets.minify(tmp_path, ["a.css", "b.min.js", "c.js", "missing.css"])
    assert sorted(p.name for p in done) == ["a.css", "c.js"]
    assert (tmp_path / "a.css").read_text(encoding="utf-8") == ".a{color:red}\n"
    assert (tmp_path / "b.min.js").read_text(encoding="utf-8") == "/* licence */ x()\n"


def test_the_built_site_serves_our_assets_minified(built_site):
    """No comment reaches a reader, and each file is smaller than its source, on both engines:
    MkDocs runs macros/__init__.py's on_post_build, `make build-zensical` runs macros.assets."""
    docs = ROOT / "docs"
    names = assets.ours(docs)
    assert {"assets/extra.css", "assets/javascripts/site.js"} <= set(names)
    for source in (docs / name for name in names):
        built = (built_site.site / source.relative_to(docs)).read_text(encoding="utf-8")
        assert "/*" not in built, f"{source.name}: a comment reached the built site"
        assert len(built) < len(source.read_text(encoding="utf-8")), source.name


def test_the_command_line_minifies_a_built_site_and_names_a_missing_one(tmp_path, capsys):
    (tmp_path / "docs" / "assets" / "vendor").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "a.css").write_text("/* why */ .a { color: red; }\n", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "vendor" / "v.js").write_text("/* licence */ v()\n", encoding="utf-8")
    site = tmp_path / "site" / "assets"
    (site / "vendor").mkdir(parents=True)
    (site / "a.css").write_text("/* why */ .a { color: red; }\n", encoding="utf-8")
    (site / "vendor" / "v.js").write_text("/* licence */ v()\n", encoding="utf-8")
    assert assets.main([str(tmp_path / "site"), str(tmp_path / "docs")]) == 0
    assert (site / "a.css").read_text(encoding="utf-8") == ".a{color:red}\n"
    assert (site / "vendor" / "v.js").read_text(encoding="utf-8") == "/* licence */ v()\n"
    assert assets.main([str(tmp_path / "nowhere")]) == 1
    assert "nowhere: no built site there" in capsys.readouterr().err

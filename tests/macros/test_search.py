"""macros/search.py on small made-up indexes: no site build."""

from __future__ import annotations

import json

from macros import search


def entry(location, title, text):
    return {"location": location, "title": title, "text": text}


CODE = (
    "<pre><code>from whitenoise import WhiteNoise\n"
    "books = Book.objects.select_related(&quot;author&quot;)\n"
    "# a comment nobody searches\n</code></pre>"
)


def test_a_section_keeps_its_first_sentence_and_the_names_its_code_introduces():
    [out] = search.compact(
        [entry("p/#s", "Queries", f"<p>Load authors in one query. Then <code>list</code> them all.</p> {CODE}")]
    )
    assert out["text"].startswith("Load authors in one query. list")
    words = out["text"].split()
    # lunr lower-cases every word: the one form finds both spellings.
    assert {"whitenoise", "select_related"} <= set(words)
    assert "<pre>" not in out["text"] and "comment" not in words and "nobody" not in words


def test_a_long_first_sentence_is_cut_at_a_word():
    long = "word " * 60 + "end."
    assert search.preview(long).endswith("word…") and len(search.preview(long)) <= search.PREVIEW + 1


def test_a_word_leads_to_the_first_section_of_its_page_that_has_it():
    out = search.compact(
        [
            entry("p/", "P", "<p>Intro here. Gunicorn serves it.</p>"),
            entry("p/#b", "B", "<p>Second part. Gunicorn again, and nginx.</p>"),
            entry("q/", "Q", "<p>Other page. Gunicorn here too.</p>"),
        ]
    )
    assert "Gunicorn" in out[0]["text"]
    assert out[1]["text"] == "Second part. again nginx"
    assert "Gunicorn" in out[2]["text"], "each page keeps its own words"


def test_words_on_a_quarter_of_the_pages_are_left_out_after_the_preview():
    pages = [entry(f"p{i}/", "T", f"<p>Page {i}. Install everything{' rare' if i == 0 else ''}.</p>") for i in range(8)]
    out = search.compact(pages)
    assert all("everything" not in e["text"].split()[2:] for e in out)
    assert out[0]["text"].endswith("rare")


def test_text_that_looks_like_markup_stays_escaped():
    [out] = search.compact([entry("p/", "P", "<p>Compare a &lt; b. Then &lt;script&gt; x.</p>")])
    assert out["text"].startswith("Compare a &lt; b.") and "<script" not in out["text"]


def test_compact_site_rewrites_each_engines_index(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["en"]}, "docs": [entry("p/", "P", f"<p>Hi there.</p>{CODE}")]})
    )
    (tmp_path / "search.json").write_text(json.dumps({"items": [entry("p/", "P", "<p>Hi.</p>")]}))
    assert len(search.compact_site(tmp_path)) == 2
    mkdocs = json.loads((tmp_path / "search" / "search_index.json").read_text())
    assert mkdocs["config"] == {"lang": ["en"]} and "<pre>" not in mkdocs["docs"][0]["text"]


def test_tab_labels_run_together_are_left_out(tmp_path):
    (tmp_path / "index.html").write_text(
        '<div class="tabbed-labels"><label for="a"><span x>Flask</span></label><label for="b">Django</label></div>'
    )
    glued = search.tab_label_runs(tmp_path)
    assert glued == {"FlaskDjango"}
    [out] = search.compact([entry("p/", "P", "<p>Hi.</p> FlaskDjango app.py<pre>x</pre> <p>A FlaskForm.</p>")], glued)
    assert "FlaskDjango" not in out["text"] and "FlaskForm" in out["text"]


def test_the_site_script_drops_the_same_stop_words_from_queries():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts" / "site.js").read_text()
    listed = script.split("const STOP = new Set((", 1)[1].split(").split(", 1)[0]
    assert set("".join(part.split('"')[1] for part in listed.split("+")).split()) == search.STOP_WORDS

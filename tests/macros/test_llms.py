"""macros/llms.py's converter and macros/dates.py's sources, on small inputs (no site build)."""

from __future__ import annotations

from pathlib import Path

from macros import dates, llms

PAGE = """<html><body><article class="md-content__inner md-typeset">
<button class="md-content__button" data-copy-page="index.md">copy</button>
<h1 id="t">Title<a class="headerlink" href="#t">&para;</a></h1>
<p>Use <code>a &lt;b&gt;</code> and a &lt;form&gt;, see <a href="../x/">X</a>.</p>
<table><thead><tr><th>Feature</th><th>Flask</th></tr></thead>
<tbody><tr><td>Pipes</td><td>a | b</td></tr></tbody></table>
<div class="tabbed-set tabbed-alternate"><input id="f" type="radio"><input id="d" type="radio">
<div class="tabbed-labels"><label for="f"><span>Flask</span></label><label for="d">Django</label></div>
<div class="tabbed-content"><div class="tabbed-block">
<div class="language-python highlight"><span class="filename">\
<a href="https://g/blob/main/examples/t/app.py">t/app.py</a></span><pre><span></span><code><span>x = "{{ y }}"
</span><span>    ```
</span></code></pre></div>
</div><div class="tabbed-block"><p>Django text</p></div></div></div>
</article></body></html>"""


def test_a_page_becomes_markdown_with_labelled_tabs_tables_and_titled_code():
    md = llms.to_markdown(PAGE)
    assert md == (
        "# Title\n\n"
        "Use `a <b>` and a \\<form>, see [X](../x/).\n\n"
        "| Feature | Flask |\n| --- | --- |\n| Pipes | a \\| b |\n\n"
        "**Flask**\n\n[t/app.py](https://g/blob/main/examples/t/app.py)\n\n"
        '````python\nx = "{{ y }}"\n    ```\n````\n\n'
        "**Django**\n\nDjango text\n"
    )


def test_links_are_made_absolute_for_llms_full_txt():
    assert "[X](https://h/p/x/)" in llms.to_markdown(PAGE, base="https://h/p/page/")


def test_a_pages_dates_come_from_its_markdown_its_examples_and_the_data_its_macros_read(tmp_path: Path):
    (tmp_path / "examples" / "routing").mkdir(parents=True)
    text = '{{ example("routing", "x") }} {{ cli_table("d") }}'
    assert dates.sources("cookbook/routing.md", text, tmp_path) == [
        "docs/cookbook/routing.md",
        "examples/routing",
        "data/cli.yml",
        "data/frameworks.yml",
    ]
    assert dates.sources("cookbook/index.md", "", tmp_path) == ["docs/cookbook/index.md"]


def test_no_date_outside_git(tmp_path: Path):
    assert dates.last_changed(tmp_path, "index.md", "") is None
